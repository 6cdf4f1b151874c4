// Benchmark 4: rotation soak. A writer rotates one log file hundreds of times — rename rotation
// with late writes to the old descriptor, copytruncate, delete/recreate — while a follower follows
// the path. Each line carries a unique id in write order; afterwards we count the lines each
// follower lost, duplicated, reordered or corrupted. Followers run one at a time on the same
// schedule (BENCH_SOAK_CONCURRENT=1 runs them all at once on one file instead).
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, renameSync, truncateSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fmt, freshTmpDir, killChild, lineSplitter, removeTmpDir, report, sleep, spawnChild, waitFor } from './lib/common.js';
import { availableFollowers } from './lib/followers.js';

const ROUNDS = Number(process.env.BENCH_SOAK_ROUNDS ?? 300);
const LINES_PER_ROUND = 5;
/** Quiet time before each rotation, so every follower can read what was written (a fair test). */
const QUIET_MS = Number(process.env.BENCH_SOAK_QUIET_MS ?? 30);
const CONCURRENT = process.env.BENCH_SOAK_CONCURRENT === '1';
const KINDS = ['rename', 'copytruncate', 'delete'];
const KEEP = 3;
const HEADER = 'first line before following';

const root = freshTmpDir('soak');
const { followers, notes: followerNotes } = await availableFollowers();

/** Runs the whole soak once with `list` following the same file; returns per-follower analyses. */
async function soak(list, runDir, { variedEnds = false } = {}) {
  mkdirSync(runDir);
  const path = join(runDir, 'app.log');
  writeFileSync(path, `${HEADER}\n`);
  const outputs = new Map();
  const running = [];
  for (const f of list) {
    const out = { ids: [], probes: 0, corrupt: 0, corruptSamples: [] };
    outputs.set(f.id, out);
    const onLine = (text) => {
      const m = /id=(\d+) /.exec(text);
      if (m) out.ids.push(Number(m[1]));
      else if (text.includes('probe=')) out.probes++;
      else if (text !== HEADER) {
        out.corrupt++;
        if (out.corruptSamples.length < 3) out.corruptSamples.push(JSON.stringify(text.slice(0, 80)));
      }
    };
    running.push({ f, child: spawnChild(...f.command([path]), { onData: lineSplitter(onLine) }) });
  }

  // The writer: an O_APPEND descriptor, as an application holds one.
  let fd = openSync(path, 'a');
  let nextId = 1;
  let gen = 1;
  /** The rotation that started each generation. */
  const genKind = ['', 'start'];
  /** Per id: generation and role (normal, late write to a renamed file, first line of a generation). */
  const written = [];
  // By default every line ends in the same 60 bytes, as structured logs with constant trailing
  // fields do; `variedEnds` repeats the id at the end instead.
  const pad = 'x'.repeat(60);
  const writeLine = (role, target = fd, g = gen) => {
    const id = nextId++;
    written[id] = { gen: g, role };
    writeSync(target, `id=${id} g=${g} r=${role} ${pad}${variedEnds ? ` end=${id}` : ''}\n`);
  };

  // Readiness: probe lines until every follower has printed one (lines before that are not counted).
  let probe = 0;
  const readyOk = await waitFor(() => {
    writeSync(fd, `probe=${probe++}\n`);
    return [...outputs.values()].every((o) => o.probes > 0);
  }, 15_000, 100);
  if (!readyOk) console.error('not every follower printed a probe line within 15 s; counting anyway');
  await sleep(200);
  const firstId = nextId;
  const shiftNumbered = () => {
    for (let k = KEEP - 1; k >= 1; k--) if (existsSync(`${path}.${k}`)) renameSync(`${path}.${k}`, `${path}.${k + 1}`);
  };

  const t0 = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < LINES_PER_ROUND; i++) {
      writeLine('normal');
      await sleep(1);
    }
    await sleep(QUIET_MS);
    const kind = KINDS[round % KINDS.length];
    if (kind === 'rename') {
      // logrotate-style numbered rename; the application still writes to its old descriptor.
      shiftNumbered();
      renameSync(path, `${path}.1`);
      const oldGen = gen++;
      genKind[gen] = kind;
      writeLine('late', fd, oldGen);
      await sleep(2);
      writeLine('late', fd, oldGen);
      closeSync(fd);
      fd = openSync(path, 'a');
    } else if (kind === 'copytruncate') {
      // The writer is quiet during copy + truncate (that window is inherently racy for anyone).
      shiftNumbered();
      copyFileSync(path, `${path}.1`);
      truncateSync(path, 0);
      genKind[++gen] = kind;
    } else {
      closeSync(fd);
      unlinkSync(path);
      genKind[++gen] = kind;
      await sleep(2);
      fd = openSync(path, 'a');
    }
    // The first line of the new generation right away, as a busy application would write it.
    writeLine('first');
  }
  for (let i = 0; i < LINES_PER_ROUND; i++) writeLine('normal');
  closeSync(fd);
  const writeMs = performance.now() - t0;
  const lastId = nextId - 1;

  // Wait until every follower printed the last line and went quiet, at most 15 s.
  let lastCounts = '';
  let stableSince = performance.now();
  await waitFor(() => {
    const counts = [...outputs.values()].map((o) => o.ids.length).join(',');
    if (counts !== lastCounts) {
      lastCounts = counts;
      stableSince = performance.now();
    }
    const allHaveLast = [...outputs.values()].every((o) => o.ids.includes(lastId));
    return (allHaveLast && performance.now() - stableSince > 1000) || performance.now() - stableSince > 4000;
  }, 15_000, 100);
  for (const r of running) await killChild(r.child);

  const results = {};
  for (const r of running) {
    const crashed = r.child.exitCode !== null && r.child.exitCode !== 0 ? `exited with ${r.child.exitCode}` : undefined;
    results[r.f.id] = { label: r.f.label, ...analyse(outputs.get(r.f.id), { firstId, lastId, written, genKind }), writeMs, crashed };
  }
  return results;
}

/** Lost / duplicated / reordered / corrupt counts of one follower's output. */
function analyse(out, { firstId, lastId, written, genKind }) {
  const seen = new Set();
  let duplicated = 0;
  let reordered = 0;
  let reorderedAcross = 0;
  let maxId = 0;
  for (const id of out.ids) {
    if (id < firstId) continue;
    if (seen.has(id)) {
      duplicated++;
      continue;
    }
    seen.add(id);
    if (id < maxId) {
      reordered++;
      if (written[maxId]?.gen !== written[id]?.gen) reorderedAcross++;
    }
    maxId = Math.max(maxId, id);
  }
  const dupSample = [...new Set(out.ids.filter((id, i) => id >= firstId && out.ids.indexOf(id) !== i))].slice(0, 10);
  const lostByRole = { normal: 0, late: 0, first: 0 };
  const lostSample = [];
  const lostAfter = { rename: 0, copytruncate: 0, delete: 0, start: 0 };
  let lost = 0;
  let lateTotal = 0;
  for (let id = firstId; id <= lastId; id++) {
    if (written[id].role === 'late') lateTotal++;
    if (seen.has(id)) continue;
    lost++;
    if (lostSample.length < 20) lostSample.push(`${id}(g${written[id].gen} ${genKind[written[id].gen]})`);
    lostByRole[written[id].role]++;
    if (written[id].role !== 'late') lostAfter[genKind[written[id].gen]]++;
  }
  const total = lastId - firstId + 1;
  return { total, lateTotal, delivered: seen.size, lost, lostByRole, lostAfter, duplicated, reordered, reorderedAcross, corrupt: out.corrupt, corruptSamples: out.corruptSamples, lostSample, dupSample };
}

const results = {};
if (CONCURRENT) Object.assign(results, await soak(followers, join(root, 'all')));
else for (const f of followers) Object.assign(results, await soak([f], join(root, f.id)));
// The same soak for logstream with lines whose last bytes differ (the id is repeated at the end).
const VARIED = process.env.BENCH_SOAK_VARIED !== '0';
const variants = {};
if (VARIED) {
  for (const f of followers.filter((x) => x.id.startsWith('logstream'))) {
    const r = await soak([f], join(root, `${f.id}-varied`), { variedEnds: true });
    variants[`${f.id}-varied`] = { ...r[f.id], label: `${f.label}, lines with varied ends` };
  }
}
removeTmpDir(root);

const any = Object.values(results)[0];
const rows = [...Object.values(results), ...Object.values(variants)].map((r) => [
  r.label,
  String(r.delivered),
  String(r.lost),
  `${r.lostByRole.late} / ${r.lostByRole.first} / ${r.lostByRole.normal}`,
  String(r.duplicated),
  String(r.reordered),
  String(r.corrupt),
]);
const perKind = Math.ceil(ROUNDS / 3);
const notes = [
  ...followerNotes,
  `${ROUNDS} rounds (${perKind} rename with 2 late writes to the old descriptor, ${perKind} copytruncate, ${perKind} delete+recreate, in turn), ${any.total} counted lines of which ${any.lateTotal} late writes; about ${fmt(any.writeMs / 1000, 1)} s of writing per follower.`,
  CONCURRENT
    ? 'All followers followed the same file at the same time (BENCH_SOAK_CONCURRENT=1).'
    : 'Followers ran one after another, each alone on the machine, against the same deterministic schedule.',
  `Each round: ${LINES_PER_ROUND} lines 1 ms apart, ${QUIET_MS} ms quiet, the rotation, then at once the first line of the new generation. Rename rotation shifts .1→.2→.3 like logrotate; the 2 late writes go to the renamed file (the second 2 ms after the rename) before the new file is created, so they must be delivered before the new file's lines. Delete+recreate leaves the path absent for 2 ms.`,
  'Every line ends in the same 60 bytes (as structured logs with constant trailing fields do). The rows "lines with varied ends" repeat the soak for logstream with the id also at the end of each line; the targets are judged on the main rows.',
  'copytruncate: the writer does not write between the copy and the truncation (lines written in that window and not yet read are lost to anyone reading the live file); the quiet time before each rotation lets followers read everything first. The writer resumes right after the truncation.',
  '"reordered" counts lines delivered after a line written later (within a generation, or a late write after the new file\'s lines): the writer never writes to an older generation after a newer one, so write order is the only correct order. "corrupt" counts printed lines that are not whole written lines. "lost late / first / normal": late writes to a renamed file / first line of a new generation / other lines.',
];
for (const r of [...Object.values(results), ...Object.values(variants)]) {
  if (r.lost > 0) notes.push(`${r.label}: lost lines of generations begun by rename ${r.lostAfter.rename}, copytruncate ${r.lostAfter.copytruncate}, delete+recreate ${r.lostAfter.delete}, plus ${r.lostByRole.late} late writes.`);
  if (r.corruptSamples.length > 0) notes.push(`${r.label}: corrupt line samples: ${r.corruptSamples.join(', ')}`);
  if (r.reorderedAcross > 0) notes.push(`${r.label}: ${r.reorderedAcross} of the reordered lines crossed a generation boundary.`);
  if (r.crashed) notes.push(`${r.label}: ${r.crashed}`);
}
const targets = [];
for (const id of ['logstream-lib', 'logstream-cli']) {
  const r = results[id];
  if (!r) continue;
  targets.push({
    name: `${r.label}: lost / duplicated / reordered`,
    target: '0 / 0 / 0',
    value: `${r.lost} / ${r.duplicated} / ${r.reordered}${r.corrupt ? ` (+${r.corrupt} corrupt)` : ''}`,
    pass: r.lost === 0 && r.duplicated === 0 && r.reordered === 0 && r.corrupt === 0,
  });
}
report({
  bench: 'rotation-soak',
  title: `4. Rotation soak: ${ROUNDS} rotations, ${any.total} lines`,
  columns: ['follower', 'delivered', 'lost', 'lost late / first / normal', 'duplicated', 'reordered', 'corrupt'],
  rows,
  targets,
  notes,
  data: { rounds: ROUNDS, quietMs: QUIET_MS, concurrent: CONCURRENT, results, variants },
});
