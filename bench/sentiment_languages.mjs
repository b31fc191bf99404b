// Multilingual sentiment quality: textsense (scores read from files the CLI
// wrote, i.e. what SQL sentiment() returns) against two npm peers run here,
// on the non-English development sets of ../shared/data/sentiment_dev. Why:
// a language pack is worth shipping when it beats what a user would reach for
// otherwise, on the same texts, in the same run; each peer is the best-known
// lexicon scorer that covers these languages in npm.
// What:
//   tweets  XLM-T tweets (ar de es fr it pt; train+val, 0 neg 1 neutral 2 pos,
//           balanced): macro-F1 over the three classes, each system with its
//           own best symmetric neutral band t (|score| < t, or score exactly 0,
//           is neutral), t chosen on the same data from 0 and the 1st..99th
//           percentiles of that system's |score| (the systems' scores are on
//           different scales, so a common grid would favour one of them; the
//           choice is an oracle, equally for all). Also sign accuracy on the
//           polar tweets and the share of tweets scored exactly 0 (coverage).
//   xed     XED subtitles projected from English (ar de es fr it nl pt ru zh ja;
//           zh is the file zh-projections.tsv, not cn/tw): a line is negative
//           when all its labels are in {1,3,4,6}, positive when all are in
//           {5,8}, else skipped; sign accuracy.
//   osc     OpenSentimentCorpus (ru): macro-F1 with the best band, "mixed"
//           lines skipped.
//   jadev   the project's own Japanese set (bench/data/ja_sentiment_dev.tsv,
//           360 texts written blind to the word lists; bench/data/README.md):
//           macro-F1 with the best band and polar accuracy, as for tweets.
// Sign accuracy counts a score of exactly 0 as half right. Every system sees
// the same text (tabs, newlines and other line breaks replaced by a space).
// The peers, and the score used (the same choice for both: the sum of the
// lexicon valences of the words found, no length normalisation):
//   multilang-sentiment  sentiment(text, code).score: AFINN-165 translated
//                        word by word into 100+ languages, fuzzy matching of
//                        unknown words (Fuse.js), negators.
//   nlp.js               @nlpjs/sentiment SentimentAnalyzer on a container
//                        with @nlpjs/lang-<code>: (await process({ locale,
//                        text })).sentiment.score; senticon (de, es), pattern
//                        (fr, it, nl) or AFINN (ar, pt, ru) lexicons; zh and ja
//                        have no lexicon in nlp.js ("n/a").
// multilang-sentiment spends most of its time in Fuse.js searches for words
// not in its list; those searches are memoised per word (same results, the
// check below compares scores with and without on a sample).
// Modes (bench/sentiment_languages.sh runs them):
//   node sentiment_languages.mjs prepare DATA_DIR OUT_DIR "CODES"
//        writes OUT_DIR/<set>.<code>.{txt,gold} and OUT_DIR/items.json
//   node sentiment_languages.mjs peers OUT_DIR SET [MLS_LIMIT]
//        scores the set's texts with both peers: OUT_DIR/<set>.peers.json
//        (MLS_LIMIT > 0: multilang-sentiment scores at most that many texts
//        per language, a fixed evenly spaced subset; 0: all). It manages
//        about 40 texts/s even memoised (Arabic tweets and the long Russian
//        sentences are slowest), about 5 minutes for all 23,378 texts on 2
//        cores; the shell script's default, 800, keeps the run near 2 min
//        and moved its values by at most 0.02 in a full run.
//   node sentiment_languages.mjs report OUT_DIR TSV_PATH
//        prints the Markdown tables and writes the TSV
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const SETS = {
  tweets: { title: 'Tweets (XLM-T, train+val)', codes: ['ar', 'de', 'es', 'fr', 'it', 'pt'] },
  xed: { title: 'XED subtitles (projected labels)', codes: ['ar', 'de', 'es', 'fr', 'it', 'nl', 'pt', 'ru', 'zh', 'ja'] },
  osc: { title: 'OpenSentimentCorpus (ru)', codes: ['ru'] },
  jadev: { title: 'Japanese dev set of the project (bench/data)', codes: ['ja'] },
};
const TWEET_DIRS = { ar: 'arabic', de: 'german', es: 'spanish', fr: 'french', it: 'italian', pt: 'portuguese' };
const XED_FILE = { zh: 'zh' }; // the XED file code per language where it differs (none now: zh, not cn/tw)
const PEERS = ['multilang-sentiment', 'nlp.js'];
const NLPJS_CLASS = (code) => `Lang${code[0].toUpperCase()}${code[1]}`;

// One text a line: the CLI reads lines, so no text may contain a line break.
const oneLine = (s) => s.replace(/[\t\n\v\f\r\u0085\u2028\u2029\0]/g, ' ');
const lines = (path) => {
  const l = readFileSync(path, 'utf8').split(/\r?\n/);
  if (l.length && l[l.length - 1] === '') l.pop();
  return l;
};

function loadSet(dataDir, set, code) {
  const sd = `${dataDir}/sentiment_dev`;
  const items = []; const skipped = {};
  const skip = (why) => { skipped[why] = (skipped[why] ?? 0) + 1; };
  if (set === 'tweets') {
    for (const part of ['train', 'val']) {
      const dir = `${sd}/tweets_multilingual/${TWEET_DIRS[code]}`;
      const texts = lines(`${dir}/${part}_text.txt`), labels = lines(`${dir}/${part}_labels.txt`);
      if (texts.length !== labels.length) throw new Error(`${dir}/${part}: ${texts.length} texts, ${labels.length} labels`);
      texts.forEach((t, i) => {
        const g = { 0: -1, 1: 0, 2: 1 }[labels[i].trim()];
        if (g === undefined) throw new Error(`${dir}/${part}_labels.txt:${i + 1}: label "${labels[i]}"`);
        items.push({ text: oneLine(t), gold: g });
      });
    }
  } else if (set === 'xed') {
    for (const line of lines(`${sd}/xed_dev/${XED_FILE[code] ?? code}-projections.tsv`)) {
      const f = line.split('\t');
      // A few upstream lines are pair metadata (6-7 columns, no label column).
      if (f.length !== 2 || !/^\s*\d+(\s*,\s*\d+)*\s*$/.test(f[1])) { skip('malformed'); continue; }
      const labels = f[1].split(',').map((x) => Number(x));
      if (labels.every((x) => [1, 3, 4, 6].includes(x))) items.push({ text: oneLine(f[0]), gold: -1 });
      else if (labels.every((x) => [5, 8].includes(x))) items.push({ text: oneLine(f[0]), gold: 1 });
      else skip('not polar');
    }
  } else if (set === 'jadev') {
    const path = new URL('./data/ja_sentiment_dev.tsv', import.meta.url).pathname;
    for (const line of lines(path)) {
      const tab = line.indexOf('\t');
      const g = { negative: -1, neutral: 0, positive: 1 }[line.slice(0, tab)];
      if (tab < 0 || g === undefined) throw new Error(`${path}: bad line "${line.slice(0, 60)}"`);
      items.push({ text: oneLine(line.slice(tab + 1)), gold: g });
    }
  } else {
    for (const line of lines(`${sd}/ru_opensentimentcorpus/dev.tsv`)) {
      const tab = line.indexOf('\t');
      const g = { negative: -1, neutral: 0, positive: 1 }[line.slice(0, tab)];
      if (line.slice(0, tab) === 'mixed') { skip('mixed'); continue; }
      if (tab < 0 || g === undefined) throw new Error(`ru_opensentimentcorpus/dev.tsv: bad line "${line.slice(0, 60)}"`);
      items.push({ text: oneLine(line.slice(tab + 1)), gold: g });
    }
  }
  return { items, skipped };
}

function prepare(dataDir, outDir, codesArg) {
  const want = codesArg.trim() ? new Set(codesArg.trim().split(/[\s,]+/)) : null;
  const known = new Set(Object.values(SETS).flatMap((s) => s.codes));
  for (const c of want ?? []) {
    if (!known.has(c)) { console.error(`LANGS: unknown language "${c}" (known: ${[...known].join(' ')})`); process.exit(2); }
  }
  const summary = {};
  for (const [set, { codes }] of Object.entries(SETS)) {
    for (const code of codes) {
      if (want && !want.has(code)) continue;
      const { items, skipped } = loadSet(dataDir, set, code);
      writeFileSync(`${outDir}/${set}.${code}.txt`, items.map((x) => x.text).join('\n') + '\n');
      writeFileSync(`${outDir}/${set}.${code}.gold`, items.map((x) => x.gold).join('\n') + '\n');
      (summary[set] ??= {})[code] = { n: items.length, skipped };
    }
  }
  writeFileSync(`${outDir}/items.json`, JSON.stringify(summary));
}

// multilang-sentiment calls Fuse.prototype.search for every word missing
// from its list (a few ms each); the result depends only on the list and the
// word, so it is memoised per Fuse instance.
function memoiseFuse() {
  const Fuse = require(require.resolve('fuse.js', { paths: [require.resolve('multilang-sentiment')] }));
  const search = Fuse.prototype.search;
  Fuse.prototype.search = function (pattern, ...rest) {
    if (rest.length || typeof pattern !== 'string') return search.call(this, pattern, ...rest);
    let memo = this.__textsenseMemo;
    if (!memo) Object.defineProperty(this, '__textsenseMemo', { value: (memo = new Map()) });
    let r = memo.get(pattern);
    if (r === undefined) memo.set(pattern, (r = search.call(this, pattern)));
    return r;
  };
  return () => { Fuse.prototype.search = search; };
}

async function peers(outDir, set, limitArg) {
  const limit = Number(limitArg ?? 0);
  const summary = JSON.parse(readFileSync(`${outDir}/items.json`, 'utf8'))[set] ?? {};
  const mls = require('multilang-sentiment');
  const { containerBootstrap } = require('@nlpjs/core');
  const { SentimentAnalyzer } = require('@nlpjs/sentiment');
  const container = await containerBootstrap();
  const result = {};
  let checked = false;
  for (const code of Object.keys(summary)) {
    const texts = lines(`${outDir}/${set}.${code}.txt`);
    const r = (result[code] = {});
    // nlp.js: a language is n/a when its package registers no lexicon.
    container.use(require(`@nlpjs/lang-${code}`)[NLPJS_CLASS(code)]);
    const dict = container.get(`sentiment-${code}`);
    const type = dict && ['senticon', 'pattern', 'afinn'].find((k) => dict[k]);
    if (type) {
      const analyzer = new SentimentAnalyzer({ container });
      const t0 = process.hrtime.bigint();
      r.nlpjs = [];
      for (const text of texts) r.nlpjs.push((await analyzer.process({ locale: code, text })).sentiment.score);
      r.nlpjsSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
      r.nlpjsLexicon = type;
    }
    // multilang-sentiment, on all texts or on a fixed evenly spaced subset.
    const idx = limit > 0 && texts.length > limit
      ? Array.from({ length: limit }, (_, k) => Math.floor((k * texts.length) / limit)) : null;
    const sub = idx ? idx.map((i) => texts[i]) : texts;
    if (!checked) { // memoisation must not change a score: compare on a sample
      const sample = sub.slice(0, 40), plain = sample.map((t) => mls(t, code).score);
      const restore = memoiseFuse();
      const memo1 = sample.map((t) => mls(t, code).score), memo2 = sample.map((t) => mls(t, code).score);
      if (plain.some((v, i) => v !== memo1[i] || v !== memo2[i])) { restore(); throw new Error('memoised Fuse changes multilang-sentiment scores'); }
      checked = true;
    }
    const t0 = process.hrtime.bigint();
    r.mls = sub.map((t) => mls(t, code).score);
    r.mlsSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (idx) r.mlsIndex = idx;
  }
  writeFileSync(`${outDir}/${set}.peers.json`, JSON.stringify(result));
}

// ---- metrics ----
function macroF1(gold, pred) {
  let sum = 0;
  for (const c of [-1, 0, 1]) {
    let tp = 0, fp = 0, fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (pred[i] === c && gold[i] === c) tp++;
      else if (pred[i] === c) fp++;
      else if (gold[i] === c) fn++;
    }
    sum += tp + fp + fn ? (2 * tp) / (2 * tp + fp + fn) : 0;
  }
  return sum / 3;
}
const band = (s, t) => (s === 0 || Math.abs(s) < t ? 0 : Math.sign(s));
function bestBand(gold, scores) {
  const abs = scores.map(Math.abs).sort((a, b) => a - b);
  const grid = [0];
  for (let p = 1; p <= 99; p++) grid.push(abs[Math.floor((p / 100) * (abs.length - 1))]);
  let best = null;
  for (const t of [...new Set(grid)].sort((a, b) => a - b)) {
    const pred = scores.map((s) => band(s, t));
    const f1 = macroF1(gold, pred);
    if (!best || f1 > best.value) best = { value: f1, t, inBand: pred.filter((p) => p === 0).length / pred.length };
  }
  return best;
}
function polarAccuracy(gold, scores) {
  let n = 0, ok = 0;
  gold.forEach((g, i) => {
    if (g === 0) return;
    n++;
    ok += Math.sign(scores[i]) === g ? 1 : scores[i] === 0 ? 0.5 : 0;
  });
  return { value: ok / n };
}
const zeroShare = (scores) => scores.filter((s) => s === 0).length / scores.length;

function report(outDir, tsvPath) {
  const summary = JSON.parse(readFileSync(`${outDir}/items.json`, 'utf8'));
  const tsv = [['set', 'lang', 'metric', 'system', 'n', 'value', 'band_t', 'band_share', 'zero_share', 'note'].join('\t')];
  const f3 = (v) => (v == null ? 'n/a' : v.toFixed(3));
  const sgn = (v) => (v == null ? 'n/a' : (v >= 0 ? '+' : '') + v.toFixed(3));
  const pct = (v) => `${Math.round(100 * v)}%`;
  const num = (v) => (v == null ? 'n/a' : Number(v.toPrecision(3)).toString());
  const cells = []; const notes = new Set(); const rates = { 'multilang-sentiment': [0, 0], 'nlp.js': [0, 0] };
  const out = [];
  for (const [set, { title }] of Object.entries(SETS)) {
    if (!summary[set]) continue;
    const peerData = JSON.parse(readFileSync(`${outDir}/${set}.peers.json`, 'utf8'));
    const metrics = set === 'tweets' || set === 'jadev' ? ['macro-F1', 'polar accuracy'] : set === 'xed' ? ['polar accuracy'] : ['macro-F1'];
    const rows = {};
    for (const [code, info] of Object.entries(summary[set])) {
      const gold = lines(`${outDir}/${set}.${code}.gold`).map(Number);
      const ours = lines(`${outDir}/${set}.${code}.textsense`).map(Number);
      if (ours.length !== gold.length || ours.some(Number.isNaN)) throw new Error(`${set}/${code}: ${ours.length} textsense scores for ${gold.length} texts`);
      const enRules = existsSync(`${outDir}/${set}.${code}.enrules`);
      const p = peerData[code];
      const systems = { textsense: { scores: ours, gold } };
      const mlsGold = p.mlsIndex ? p.mlsIndex.map((i) => gold[i]) : gold;
      if (p.mls.length !== mlsGold.length) throw new Error(`${set}/${code}: multilang-sentiment scored ${p.mls.length} of ${mlsGold.length}`);
      systems['multilang-sentiment'] = { scores: p.mls, gold: mlsGold, sampled: !!p.mlsIndex };
      systems['nlp.js'] = p.nlpjs ? { scores: p.nlpjs, gold } : null;
      rates['multilang-sentiment'][0] += p.mls.length; rates['multilang-sentiment'][1] += p.mlsSeconds;
      if (p.nlpjs) { rates['nlp.js'][0] += p.nlpjs.length; rates['nlp.js'][1] += p.nlpjsSeconds; }
      if (enRules) notes.add('(en rules): no textsense model for the language yet, scored with `--lang en`.');
      if (p.mlsIndex) notes.add(`* multilang-sentiment (about 40 texts/s) scored a fixed evenly spaced subset of ${p.mlsIndex.length} texts (text floor(k n / ${p.mlsIndex.length})) of each row with more: its value is on the subset, the others' on all texts (MLS_LIMIT=0: all, about 5 min on 2 cores).`);
      if (!p.nlpjs) notes.add(`nlp.js n/a: @nlpjs/lang-xx 4.26.1 has no sentiment lexicon for ${Object.keys(peerData).filter((c) => !peerData[c].nlpjs).join(', ')}.`);
      rows[code] = { n: gold.length, polar: gold.filter((g) => g !== 0).length, enRules, skipped: info.skipped, res: {} };
      for (const metric of metrics) {
        const res = (rows[code].res[metric] = {});
        for (const [name, s] of Object.entries(systems)) {
          if (!s) { res[name] = null; continue; }
          res[name] = metric === 'macro-F1' ? bestBand(s.gold, s.scores) : polarAccuracy(s.gold, s.scores);
          res[name].zeros = zeroShare(s.scores);
          res[name].n = s.scores.length;
          res[name].sampled = s.sampled;
        }
        const avail = PEERS.filter((q) => res[q]);
        const best = avail.reduce((a, q) => (!a || res[q].value > res[a].value ? q : a), null);
        res.best = best; res.margin = res.textsense.value - res[best].value;
        for (const name of ['textsense', ...PEERS]) {
          const r = res[name];
          const note = [name === 'textsense' && enRules ? 'en rules' : '', r?.sampled ? 'subset' : ''].filter(Boolean).join(',');
          tsv.push([set, code, metric, name, r ? r.n : gold.length, r ? r.value.toFixed(4) : 'n/a',
            r?.t != null ? Number(r.t.toPrecision(4)) : '', r?.inBand != null ? r.inBand.toFixed(4) : '', r ? r.zeros.toFixed(4) : '', note].join('\t'));
        }
        tsv.push([set, code, metric, 'margin', gold.length, res.margin.toFixed(4), '', '', '', `best peer ${best}`].join('\t'));
      }
      const head = metrics[0];
      cells.push({ set, code, metric: head, margin: rows[code].res[head].margin, ours: rows[code].res[head].textsense.value, enRules });
    }
    for (const metric of metrics) {
      const skippedAll = {};
      for (const r of Object.values(rows)) for (const [k, v] of Object.entries(r.skipped)) skippedAll[k] = (skippedAll[k] ?? 0) + v;
      const skippedText = Object.keys(skippedAll).length ? `; skipped: ${Object.entries(skippedAll).map(([k, v]) => `${v} ${k}`).join(', ')}` : '';
      out.push(`\n### ${title}: ${metric}${metric === 'macro-F1' ? ' (3 classes, best neutral band per system)' : ' (sign; 0 = half right)'}${skippedText}\n`);
      out.push('| language | texts | textsense | multilang-sentiment | nlp.js | best peer | margin |');
      out.push('|---|---:|---:|---:|---:|---|---:|');
      for (const [code, r] of Object.entries(rows)) {
        const res = r.res[metric];
        const n = metric === 'polar accuracy' && r.polar !== r.n ? `${r.polar} of ${r.n}` : r.n;
        out.push(`| ${code}${r.enRules ? ' (en rules)' : ''} | ${n} | ${f3(res.textsense.value)} | ${f3(res['multilang-sentiment'].value)}${res['multilang-sentiment'].sampled ? '*' : ''} | ${f3(res['nlp.js']?.value)} | ${res.best} | ${sgn(res.margin)} |`);
      }
      if (metric === 'macro-F1') {
        out.push(`\nNeutral band t chosen (share of texts inside it) and share of texts scored exactly 0:\n`);
        out.push('| language | t textsense | t multilang-sentiment | t nlp.js | zeros textsense | zeros multilang-sentiment | zeros nlp.js |');
        out.push('|---|---:|---:|---:|---:|---:|---:|');
        for (const [code, r] of Object.entries(rows)) {
          const res = r.res[metric];
          const bt = (x) => (x ? `${num(x.t)} (${pct(x.inBand)})` : 'n/a');
          const z = (x) => (x ? pct(x.zeros) : 'n/a');
          out.push(`| ${code} | ${bt(res.textsense)} | ${bt(res['multilang-sentiment'])} | ${bt(res['nlp.js'])} | ${z(res.textsense)} | ${z(res['multilang-sentiment'])} | ${z(res['nlp.js'])} |`);
        }
      }
    }
  }
  console.log(out.join('\n'));
  if (notes.size) console.log(`\n${[...notes].join('\n')}`);
  const winners = cells.filter((c) => c.margin >= 0.05 - 1e-9);
  const bySet = (list) => Object.keys(SETS).filter((s) => cells.some((c) => c.set === s))
    .map((s) => `${s} ${list.filter((c) => c.set === s).length}/${cells.filter((c) => c.set === s).length}`).join(', ');
  const tweets = cells.filter((c) => c.set === 'tweets');
  const over = tweets.filter((c) => c.ours >= 0.55 - 1e-9);
  const en = cells.filter((c) => c.enRules).length;
  console.log(`\nSummary: textsense >= best peer + 0.05 in ${winners.length} of ${cells.length} (set, language) cells (${bySet(winners)}${tweets.length ? '; tweets by macro-F1' : ''})` +
    (tweets.length ? `; tweets macro-F1 >= 0.55 in ${over.length} of ${tweets.length}` : '') +
    (en ? `; ${en} of ${cells.length} cells used English rules (no model yet).` : '.'));
  const v = (p) => require(`${p}/package.json`).version;
  const rate = (p) => (rates[p][1] ? Math.round(rates[p][0] / rates[p][1]) : 0);
  console.log(`multilang-sentiment ${v('multilang-sentiment')} (memoised Fuse) scored ${rate('multilang-sentiment')} texts/s` +
    (rate('nlp.js') ? `, nlp.js (@nlpjs/sentiment ${v('@nlpjs/sentiment')}) ${rate('nlp.js')} texts/s` : '') +
    ` in this run (the peer processes share the cores), node ${process.version}.`);
  writeFileSync(tsvPath, tsv.join('\n') + '\n');
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'prepare') prepare(...args);
else if (mode === 'peers') await peers(...args);
else if (mode === 'report') report(...args);
else { console.error('usage: node sentiment_languages.mjs prepare|peers|report ...'); process.exit(2); }
