// Syntax check of the scripts `shapotou sql --engine spark|trino` writes, in dt-sql-parser's ANTLR4 grammars of
// those engines (docs/scale.md, "Checked in CI"). Usage: node check.mjs spark FILE [trino FILE ...]; exits 1 when a
// statement does not parse, naming the file, line, column and the parser's message.
import { readFileSync } from 'node:fs';
import './resolve.mjs';
const { SparkSQL, TrinoSQL } = await import('dt-sql-parser');

const parsers = { spark: () => new SparkSQL(), trino: () => new TrinoSQL() };
const args = process.argv.slice(2);
if (args.length === 0 || args.length % 2 !== 0) {
  console.error('Usage: node check.mjs spark|trino FILE [spark|trino FILE ...]');
  process.exit(2);
}

let failed = 0;
for (let i = 0; i < args.length; i += 2) {
  const [engine, file] = [args[i], args[i + 1]];
  if (!(engine in parsers)) {
    console.error(`Engine '${engine}' is not spark or trino.`);
    process.exit(2);
  }

  const sql = readFileSync(file, 'utf8');
  const statements = sql.split(';').filter((s) => s.replace(/--.*$/gm, '').trim().length > 0).length;
  if (statements === 0) {
    console.error(`${file}: no statement to check.`);
    failed++;
    continue;
  }

  const errors = parsers[engine]().validate(sql);
  for (const e of errors) {
    console.error(`${file}:${e.startLine}:${e.startColumn}: ${engine}: ${e.message}`);
  }

  failed += errors.length > 0 ? 1 : 0;
  console.log(`${engine} ${file}: ${statements} statements, ${errors.length} syntax errors`);
}

process.exit(failed > 0 ? 1 : 0);
