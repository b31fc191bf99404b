// Times the open-source npm peers of textsense on the texts the SQL
// benchmark (bench/sql_benchmark.sh) exported: one JSON string per line.
// One process, one core (node runs JavaScript on one thread): each system
// scores every text once per round, and the median of the rounds is kept.
//   vader-sentiment            VADER's rules (the model textsense's rules
//                              grew from): polarity_scores(text).compound
//   sentiment                  AFINN word sums: analyze(text).score
//   wink-nlp (sentiment)       winkNLP(model, ['sbd', 'negation', 'sentiment'])
//   wink-nlp (pos)             winkNLP(model, ['sbd', 'pos']): a tag per token
// Prints one tab-separated line per system:
//   name  task  texts  tokens  median_ms  rounds_ms(comma-separated)  checksum
// where tokens are the tokens each system counted itself (for the sentiment
// peers: the tokens wink-nlp's tokenizer finds, so tokens/s compare) and the
// checksum (sum of scores, or tag count) shows the work was not optimised away.
// Usage: node bench/peers.mjs TEXTS.jsonl [rounds] [vader_texts]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const vader = require('vader-sentiment');
const Sentiment = require('sentiment');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

const [file, roundsArg, vaderArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 3);
const texts = readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l));
// vader-sentiment is about 50 times slower than the others: it may be given
// a prefix of the texts (the table's rows cycle through the same length
// mix every 20 rows, so a prefix has the same mix).
const vaderTexts = texts.slice(0, Math.min(texts.length, Number(vaderArg ?? texts.length)));

const afinn = new Sentiment();
const winkSentiment = winkNLP(model, ['sbd', 'negation', 'sentiment']);
const winkPos = winkNLP(model, ['sbd', 'pos']);
const its = winkPos.its;

// Tokens as wink-nlp's tokenizer counts them, the common unit for tokens/s.
function countTokens(list) {
  const nlp = winkNLP(model, []);
  let n = 0;
  for (const t of list) n += nlp.readDoc(t).tokens().length();
  return n;
}

const systems = [
  { name: 'vader-sentiment', task: 'sentiment', texts: vaderTexts,
    run: (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound },
  { name: 'sentiment (AFINN)', task: 'sentiment', texts,
    run: (t) => afinn.analyze(t).score },
  { name: 'wink-nlp', task: 'sentiment', texts,
    run: (t) => winkSentiment.readDoc(t).out(winkSentiment.its.sentiment) },
  { name: 'wink-nlp', task: 'pos', texts,
    run: (t) => winkPos.readDoc(t).tokens().out(its.pos).length },
];

for (const s of systems) {
  const tokens = countTokens(s.texts);
  // One untimed pass: loads lazily built tables and lets V8 optimise.
  let checksum = 0;
  for (const t of s.texts.slice(0, 2000)) checksum += s.run(t);
  const times = [];
  for (let r = 0; r < rounds; r++) {
    checksum = 0;
    const t0 = process.hrtime.bigint();
    for (const t of s.texts) checksum += s.run(t);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
  console.log([s.name, s.task, s.texts.length, tokens, median.toFixed(1),
               times.map((t) => t.toFixed(1)).join(','), checksum.toFixed(3)].join('\t'));
}
