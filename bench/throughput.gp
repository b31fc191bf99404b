# The chart of bench/sql_benchmark.sh (which passes texts, tokens, outfile
# and subtitle): texts/s of each sentiment system and tokens/s of each
# tagger, one core each, on the same texts; log scale, value on each bar.
set terminal pngcairo size 1100,540 font "DejaVu Sans,10" noenhanced
set output outfile
set multiplot layout 1,2 title "textsense against PostgreSQL and the npm peers, one core each (".subtitle.")"
set style data histograms
set style fill solid 0.85 border -1
set boxwidth 0.7
set logscale y
set grid ytics
set key off
set bmargin 4
set xtics nomirror scale 0 font ",9"
unset mxtics
set format y "%.0s%c"
short(v) = v >= 1000 ? sprintf("%.0fk", v / 1000) : sprintf("%.0f", v)
color(g) = g == 1 ? 0x1f77b4 : (g == 2 ? 0x7f7f7f : 0xff7f0e)
set title "Sentiment: texts/s"
set yrange [100:*]
plot texts using 0:2:(0.7):(color($3)):xtic(1) with boxes lc rgb variable, \
     texts using 0:($2*1.15):(short($2)) with labels font ",9"
set title "Part-of-speech tagging: tokens/s"
set yrange [10000:*]
plot tokens using 0:2:(0.7):(color($3)):xtic(1) with boxes lc rgb variable, \
     tokens using 0:($2*1.15):(short($2)) with labels font ",9"
unset multiplot
