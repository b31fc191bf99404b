// Scores the four human-rated VADER dev sets with textsense (scores read
// from files the CLI wrote) and with the npm package vader-sentiment (run
// here, in the same process), and prints Pearson r with the human mean and
// sign accuracy on items with |valence| >= 1, as a Markdown table.
// Usage: node bench/sentiment_dev.mjs DEV_DIR TEXTSENSE_SCORE_DIR
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const vader = require('vader-sentiment');
const [devDir, oursDir] = process.argv.slice(2);
const sets = ['tweets', 'movieReviewSnippets', 'amazonReviewSnippets', 'nytEditorialSnippets'];

function pearson(x, y) {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

function signAccuracy(gold, pred) {
  let n = 0, ok = 0;
  for (let i = 0; i < gold.length; i++) {
    if (Math.abs(gold[i]) < 1) continue;
    n++;
    if (Math.sign(pred[i]) === Math.sign(gold[i])) ok++;
  }
  return ok / n;
}

const rows = [];
for (const set of sets) {
  const items = readFileSync(`${devDir}/${set}_dev.tsv`, 'utf8').split('\n').filter(Boolean)
    .map((line) => line.split('\t'));
  const gold = items.map((f) => Number(f[1]));
  const ours = readFileSync(`${oursDir}/${set}.scores`, 'utf8').split('\n').filter(Boolean).map(Number);
  if (ours.length !== gold.length) throw new Error(`${set}: ${ours.length} scores for ${gold.length} items`);
  const t0 = process.hrtime.bigint();
  const theirs = items.map((f) => vader.SentimentIntensityAnalyzer.polarity_scores(f.slice(2).join('\t')).compound);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  rows.push({ set, n: gold.length,
              rOurs: pearson(ours, gold), rVader: pearson(theirs, gold),
              accOurs: signAccuracy(gold, ours), accVader: signAccuracy(gold, theirs),
              vaderRate: gold.length / seconds });
}
const f3 = (v) => v.toFixed(3);
console.log('| dev set | items | r textsense | r vader-sentiment | delta r | sign acc. textsense | sign acc. vader-sentiment |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows)
  console.log(`| ${r.set} | ${r.n} | ${f3(r.rOurs)} | ${f3(r.rVader)} | ${(r.rOurs - r.rVader >= 0 ? '+' : '') + f3(r.rOurs - r.rVader)} | ${f3(r.accOurs)} | ${f3(r.accVader)} |`);
const rate = rows.reduce((a, r) => a + r.n, 0) / rows.reduce((a, r) => a + r.n / r.vaderRate, 0);
console.log(`\nvader-sentiment ${require('vader-sentiment/package.json').version} (node ${process.version}) scored ${Math.round(rate)} texts/s in this run.`);
