// Writes the golden Parquet files that GoldenFileTests read: contract tables as DuckDB (@duckdb/node-api) and
// arrow-rs (parquet-wasm, Arrow tables built with apache-arrow) write them, with every physical type and encoding the
// SDK's reader has to widen. Run with `npm ci && npm run generate` in this folder; the values below are the ones the
// tests assert, so a change here needs the same change there. Each file is a few kilobytes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  Field, Schema, Table, RecordBatch, Struct, makeData, tableToIPC,
  Utf8, Int32, Int64, Float32, Float64, Decimal, DateDay, Dictionary,
  TimestampMillisecond, TimestampMicrosecond, TimestampNanosecond,
} from 'apache-arrow';
import { Table as WasmTable, WriterPropertiesBuilder, Compression, writeParquet } from 'parquet-wasm';

const here = dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------------------------
// DuckDB
// ---------------------------------------------------------------------------------------------------------------

const duck = await (await DuckDBInstance.create(':memory:')).connect();
await duck.run("SET TimeZone = 'UTC'");

async function duckdbCopy(file, select, kvMetadata) {
  const kv = kvMetadata
    ? `, KV_METADATA {${Object.entries(kvMetadata).map(([k, v]) => `'${k}': '${v}'`).join(', ')}}`
    : '';
  await duck.run(`COPY (${select}) TO '${join(here, file)}' (FORMAT parquet, COMPRESSION snappy${kv})`);
}

// An energy ledger: DATE periods, FLOAT output, BIGINT and INTEGER electricity (purchased in MWh, named in the file's
// key-value metadata), decimals of precision 9, 18 and 38 (stored as INT32, INT64 and
// FIXED_LEN_BYTE_ARRAY), SMALLINT diesel, a nullable DOUBLE with a null, repeated strings (dictionary-encoded).
await duckdbCopy('duckdb_energy_ledger.parquet', `
  SELECT * FROM (VALUES
    ('yx-f1', DATE '2024-01-01', 'FeSi75', 2345.5::FLOAT, 17700::BIGINT, 19100000::INTEGER, 1876.125::DECIMAL(9,3),  12.3456::DECIMAL(18,4), 1.000001::DECIMAL(38,6), NULL::DOUBLE,  3::SMALLINT, 98.1::DOUBLE),
    ('yx-f1', DATE '2024-02-01', 'FeSi75', 0.25::FLOAT,   0::BIGINT,     0::INTEGER,        0.001::DECIMAL(9,3),     0::DECIMAL(18,4),       123456789012.5::DECIMAL(38,6), 1500.75::DOUBLE, 0::SMALLINT, 97.5::DOUBLE),
    ('yx-f1', DATE '2024-12-01', 'FeSi75', 1e6::FLOAT,    1::BIGINT,     2147483647::INTEGER, 999999.999::DECIMAL(9,3), 99999999999999.9999::DECIMAL(18,4), 0::DECIMAL(38,6), 0::DOUBLE, 32767::SMALLINT, NULL::DOUBLE)
  ) AS t(facility_id, period, product, output, electricity_purchased, furnace_electricity, coke, semi_coke, coal, natural_gas, diesel, ore_grade)`,
  { 'shapotou.quantity.electricity_purchased': 'Energy', 'shapotou.unit.electricity_purchased': 'MegawattHour' });

// CEMS hours with each timestamp kind DuckDB writes: TIMESTAMP_MS, TIMESTAMP (micros), TIMESTAMP_NS (all wall clock,
// not UTC-adjusted) and TIMESTAMPTZ (UTC-adjusted micros). Wall-clock values are China Standard Time; the UTC ones are
// the same instants (8 h earlier in UTC).
const wallClock = ["2024-01-01 00:00:00", "2024-02-29 23:00:00", "2024-07-01 12:34:56.789012345"];
const utc = ["2023-12-31 16:00:00+00", "2024-02-29 15:00:00+00", "2024-07-01 04:34:56.789012+00"];
for (const [file, type, values] of [
  ['duckdb_cems_timestamp_ms.parquet', 'TIMESTAMP_MS', wallClock],
  ['duckdb_cems_timestamp_us.parquet', 'TIMESTAMP', wallClock],
  ['duckdb_cems_timestamp_ns.parquet', 'TIMESTAMP_NS', wallClock],
  ['duckdb_cems_timestamptz.parquet', 'TIMESTAMPTZ', utc],
]) {
  await duckdbCopy(file, `
    SELECT * FROM (VALUES
      ('yx-da001', '${values[0]}'::${type}, 22.13::FLOAT, 0.1::DOUBLE + 0.2::DOUBLE, 25.125::DECIMAL(6,3), 18.5::DOUBLE, 297000::INTEGER,  'N'),
      ('yx-da001', '${values[1]}'::${type}, NULL::FLOAT,  NULL::DOUBLE,              NULL::DECIMAL(6,3),   NULL::DOUBLE, NULL::INTEGER,    'F'),
      ('yx-da001', '${values[2]}'::${type}, 0::FLOAT,     1e-300::DOUBLE,            -0.5::DECIMAL(6,3),   18.4::DOUBLE, 2000000000::INTEGER, 'N')
    ) AS t(outlet_id, hour, so2, nox, pm, o2, flow, flag)`);
}

// ---------------------------------------------------------------------------------------------------------------
// arrow-rs (parquet-wasm)
// ---------------------------------------------------------------------------------------------------------------

function column(name, type, data, nullable = true) {
  return { field: new Field(name, type, nullable), data };
}

function validity(values) {
  if (!values.some(v => v === null)) return { nullCount: 0 };
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => { if (v !== null) bitmap[i >> 3] |= 1 << (i & 7); });
  return { nullCount: values.filter(v => v === null).length, nullBitmap: bitmap };
}

function utf8(values) {
  const encoder = new TextEncoder();
  const bytes = values.map(v => encoder.encode(v ?? ''));
  const offsets = new Int32Array(values.length + 1);
  bytes.forEach((b, i) => { offsets[i + 1] = offsets[i] + b.length; });
  const data = new Uint8Array(offsets[values.length]);
  bytes.forEach((b, i) => data.set(b, offsets[i]));
  return makeData({ type: new Utf8(), length: values.length, valueOffsets: offsets, data, ...validity(values) });
}

function dictionaryUtf8(values) {
  const words = [...new Set(values.filter(v => v !== null))];
  const type = new Dictionary(new Utf8(), new Int32());
  const indices = new Int32Array(values.map(v => (v === null ? 0 : words.indexOf(v))));
  const dictionary = utf8(words);
  return makeData({ type, length: values.length, data: indices, dictionary: { data: [dictionary] , length: words.length, nullCount: 0, type: new Utf8() }, ...validity(values) });
}

function primitive(type, ArrayType, values) {
  return makeData({ type, length: values.length, data: ArrayType.from(values.map(v => v ?? (ArrayType === BigInt64Array ? 0n : 0))), ...validity(values) });
}

// A decimal128 value as four little-endian 32-bit words of the unscaled two's-complement integer.
function decimal(precision, scale, unscaled) {
  const words = new Uint32Array(unscaled.length * 4);
  unscaled.forEach((v, i) => {
    let u = BigInt.asUintN(128, v ?? 0n);
    for (let w = 0; w < 4; w++) { words[i * 4 + w] = Number(u & 0xffffffffn); u >>= 32n; }
  });
  return makeData({ type: new Decimal(scale, precision, 128), length: unscaled.length, data: words, ...validity(unscaled) });
}

function writeArrowRs(file, columns, { dictionary = [], metadata } = {}) {
  const schema = new Schema(columns.map(c => c.field));
  const length = columns[0].data.length;
  const struct = makeData({ type: new Struct(schema.fields), length, nullCount: 0, children: columns.map(c => c.data) });
  const table = new Table([new RecordBatch(schema, struct)]);
  let builder = new WriterPropertiesBuilder().setCompression(Compression.SNAPPY).setDictionaryEnabled(false);
  for (const name of dictionary) builder = builder.setColumnDictionaryEnabled(name, true);
  if (metadata) builder = builder.setKeyValueMetadata(new Map(Object.entries(metadata)));
  const bytes = writeParquet(WasmTable.fromIPCStream(tableToIPC(table, 'stream')), builder.build());
  writeFileSync(join(here, file), bytes);
}

const day = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

// An energy ledger: date32 periods, int32 output, int64 electricity, decimal128 coke, float32 natural gas with a null,
// float64 ore grade, a dictionary-encoded facility id and plain product strings.
writeArrowRs('arrow_rs_energy_ledger.parquet', [
  column('facility_id', new Dictionary(new Utf8(), new Int32()), dictionaryUtf8(['hx-f2', 'hx-f2', 'hx-f2'])),
  column('period', new DateDay(), primitive(new DateDay(), Int32Array, [day('2023-01-01'), day('2023-06-01'), day('2023-12-01')])),
  column('product', new Utf8(), utf8(['SiMn', 'SiMn', 'SiMn'])),
  column('output', new Int32(), primitive(new Int32(), Int32Array, [4100, 0, 2147483647])),
  column('electricity_purchased', new Int64(), primitive(new Int64(), BigInt64Array, [16_400_000n, 0n, 9_007_199_254_740_993n])),
  column('coke', new Decimal(2, 12, 128), decimal(12, 2, [123456n, 1n, 99999999999n])),
  column('natural_gas', new Float32(), primitive(new Float32(), Float32Array, [null, 0.1, 3.4028234663852886e38])),
  column('ore_grade', new Float64(), primitive(new Float64(), Float64Array, [68.25, 5e-324, 100])),
], { dictionary: ['facility_id'] });

// CEMS hours with each timestamp unit arrow-rs writes, without a time zone (wall clock, not UTC-adjusted) and with
// one (UTC-adjusted). Arrow stores UTC instants for a zoned type, so 2023-12-31T16:00Z is 2024-01-01 00:00 CST.
const wallMs = [Date.UTC(2024, 0, 1, 0), Date.UTC(2024, 1, 29, 23), Date.UTC(2024, 6, 1, 12, 34, 56, 789)];
const utcMs = wallMs.map(ms => ms - 8 * 3_600_000);
const sub = { ms: [0n, 0n, 0n], us: [0n, 0n, 12n], ns: [0n, 0n, 12_345n] };
const scale = { ms: 1n, us: 1_000n, ns: 1_000_000n };
const types = { ms: TimestampMillisecond, us: TimestampMicrosecond, ns: TimestampNanosecond };
for (const unit of ['ms', 'us', 'ns']) {
  for (const [suffix, zone, base] of [['', null, wallMs], ['_utc', 'UTC', utcMs], ['_shanghai', 'Asia/Shanghai', utcMs]]) {
    if (suffix === '_shanghai' && unit !== 'us') continue;
    const type = new types[unit](zone);
    const values = base.map((ms, i) => BigInt(ms) * scale[unit] + sub[unit][i]);
    writeArrowRs(`arrow_rs_cems_timestamp_${unit}${suffix}.parquet`, [
      column('outlet_id', new Dictionary(new Utf8(), new Int32()), dictionaryUtf8(['yx-da001', 'yx-da001', 'yx-da001'])),
      column('hour', type, makeData({ type, length: 3, nullCount: 0, data: BigInt64Array.from(values) }), false),
      column('so2', new Float32(), primitive(new Float32(), Float32Array, [22.13, null, 0])),
      column('nox', new Float64(), primitive(new Float64(), Float64Array, [0.1 + 0.2, null, 1e-300])),
      column('pm', new Decimal(3, 6, 128), decimal(6, 3, [25125n, null, -500n])),
      column('o2', new Float64(), primitive(new Float64(), Float64Array, [18.5, null, 18.4])),
      column('flow', new Int64(), primitive(new Int64(), BigInt64Array, [297_000n, null, 2_000_000_000n])),
      column('flag', new Utf8(), utf8(['N', 'F', 'N'])),
    ], { dictionary: ['outlet_id'], metadata: { 'shapotou.quantity.flow': 'VolumeFlow', 'shapotou.unit.flow': 'CubicMeterPerHour' } });
  }
}

// A read-back through DuckDB, for the record of what was written.
for (const file of ['duckdb_energy_ledger.parquet', 'arrow_rs_energy_ledger.parquet', 'arrow_rs_cems_timestamp_ns_utc.parquet']) {
  const result = await duck.runAndReadAll(`SELECT * FROM read_parquet('${join(here, file)}')`);
  console.log(file, JSON.stringify(result.getRowsJson()));
}
