import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { TimelineChunks } from '../../src/core/timeline/timelineChunks';
import { TimelineSession } from '../../src/core/timeline/timelineSession';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';
import { TimelineStore } from '../../webview/panel/timelineStore';
import { savedSelection } from '../../webview/panel/instanceHighlight';
import { webviewMessageSchema } from '../../src/core/panel/panelProtocol';

const index = loadWorkspace(join(__dirname, '../../samples/warehouse'));
const DATE = '2017-01-11';

describe('timeline chunks (src/core/timeline/timelineChunks, webview/panel/timelineStore)', () => {
  const session = new TimelineSession(() => index);
  const { layout } = session.view({ date: DATE, grouping: 'folder' });
  // Small chunks, so that the samples' day is several of them.
  const chunks = new TimelineChunks(layout, 20);
  const store = () => new TimelineStore({ ...chunks.head, focusNote: '', engineMs: 0, selected: -1 });
  const edgeSet = (from: ArrayLike<number>, to: ArrayLike<number>, cross: ArrayLike<number>) => Array.from(from, (f, e) => `${f}>${to[e]}:${cross[e]}`).sort();

  it('cuts the lanes into chunks of at most the cap, a longer lane alone, covering every lane and instance once', () => {
    const { chunkFirstLane, chunkFirstInstance } = chunks.head;
    assert.ok(chunks.chunkCount > 3, `${chunks.chunkCount} chunks`);
    assert.equal(chunkFirstLane[0], 0);
    assert.equal(chunkFirstLane[chunks.chunkCount], layout.laneTask.length);
    assert.equal(chunkFirstInstance[chunks.chunkCount], layout.lane.length);
    for (let c = 0; c < chunks.chunkCount; c++) {
      const lanes = chunkFirstLane[c + 1]! - chunkFirstLane[c]!;
      const instances = chunkFirstInstance[c + 1]! - chunkFirstInstance[c]!;
      assert.ok(lanes >= 1 && (instances <= 20 || lanes === 1), `chunk ${c}: ${lanes} lanes, ${instances} instances`);
      assert.equal(chunkFirstInstance[c], layout.laneFirst[chunkFirstLane[c]!]);
    }
    assert.equal(chunks.chunk(chunks.chunkCount), undefined);
    assert.equal(chunks.chunk(-1), undefined);
    assert.equal(chunks.head.span, 25 * 60, 'the samples\' baseline at 00:30 the next day widens the plot');
  });

  it('rebuilds the whole layout from its chunks in any order, each edge once', () => {
    const s = store();
    const order = Array.from({ length: chunks.chunkCount }, (_, c) => c).reverse();
    for (const c of order) s.add(chunks.chunk(c)!);
    s.add(chunks.chunk(0)!);
    for (const key of ['lane', 'scheduled', 'start', 'end', 'flags', 'p90End', 'guard', 'laneFirst'] as const) assert.deepEqual([...s[key]], [...layout[key]], key);
    assert.deepEqual(s.laneTask, layout.laneTask);
    assert.deepEqual(s.laneName, layout.laneName);
    assert.equal(s.edgeFrom.length, layout.edgeFrom.length);
    assert.deepEqual(edgeSet(s.edgeFrom, s.edgeTo, s.edgeCross), edgeSet(layout.edgeFrom, layout.edgeTo, layout.edgeCross));
  });

  it('loads a chunk with every edge at its instances and where the far ends lie', () => {
    // The chunk of the six-hourly task, whose upstream half-hourly task is in another chunk.
    const six = layout.ids.indexOf('10004@2017-01-11T06:00');
    const c = chunks.chunkOfInstance(six);
    const s = store();
    assert.deepEqual(s.wantedFor(six), [c]);
    assert.deepEqual(s.wantedFor(six), [], 'asked once');
    s.add(chunks.chunk(c)!);
    assert.ok(s.instanceLoaded(six));
    const [i0, i1] = [chunks.head.chunkFirstInstance[c]!, chunks.head.chunkFirstInstance[c + 1]!];
    const touching = [];
    for (let e = 0; e < layout.edgeFrom.length; e++) {
      const [f, t] = [layout.edgeFrom[e]!, layout.edgeTo[e]!];
      if ((f >= i0 && f < i1) || (t >= i0 && t < i1)) touching.push(e);
    }
    assert.ok(touching.length > 0);
    assert.deepEqual(edgeSet(s.edgeFrom, s.edgeTo, s.edgeCross), edgeSet(touching.map((e) => layout.edgeFrom[e]!), touching.map((e) => layout.edgeTo[e]!), touching.map((e) => layout.edgeCross[e]!)));
    const far = touching.flatMap((e) => [layout.edgeFrom[e]!, layout.edgeTo[e]!]).filter((i) => i < i0 || i >= i1);
    assert.ok(far.length > 0, 'the chunk has edges to other chunks');
    for (const i of far) {
      assert.ok(s.instanceKnown(i) && !s.instanceLoaded(i));
      assert.deepEqual([s.lane[i], s.start[i], s.end[i]], [layout.lane[i], layout.start[i], layout.end[i]]);
      assert.ok(!s.laneLoaded(layout.lane[i]!));
    }
    const unknown = Array.from({ length: layout.lane.length }, (_, i) => i).find((i) => (i < i0 || i >= i1) && !far.includes(i))!;
    assert.equal(s.instanceKnown(unknown), false);
    // Chunks of a lane range, less those loaded or asked for.
    const wanted = s.wanted(0, layout.laneTask.length - 1);
    assert.deepEqual(wanted, Array.from({ length: chunks.chunkCount }, (_, k) => k).filter((k) => k !== c));
    assert.equal(s.complete(0, layout.laneTask.length - 1), false);
    for (const k of wanted) s.add(chunks.chunk(k)!);
    assert.equal(s.complete(0, layout.laneTask.length - 1), true);
  });

  it('finds an instance by task and scheduled time, and a day prepared ahead leaves the one on screen as it is', () => {
    const on = session.view({ date: DATE, grouping: 'folder' }).layout;
    const i = session.instanceAt('10004', '2017-01-11T06:00');
    assert.equal(on.ids[i], '10004@2017-01-11T06:00');
    assert.equal(session.instanceAt('10004', '2017-01-11T06:01'), -1);
    assert.equal(session.instanceAt('no_such_task', '2017-01-11T06:00'), -1);
    session.warm('2017-01-12');
    assert.equal(session.detail(i)!.id, '10004@2017-01-11T06:00', 'details still speak of the day on screen');
    assert.equal(session.chunks()!.head.date, DATE);
    // The prepared day is drawn from what was laid out ahead.
    const next = session.view({ date: '2017-01-12', grouping: 'folder' });
    assert.equal(next.layout.date, '2017-01-12');
    assert.equal(session.view({ date: '2017-01-12', grouping: 'folder' }).layout, next.layout);
  });

  it('asks for a saved selection by task and time, whatever the id holds, and a selection that does not parse never costs the request', () => {
    assert.deepEqual(savedSelection('10004@2017-01-11T06:00'), { task: '10004', at: '2017-01-11T06:00' });
    assert.deepEqual(savedSelection('team@etl@2017-01-11T06:00'), { task: 'team@etl', at: '2017-01-11T06:00' });
    assert.equal(savedSelection(undefined), undefined);
    assert.equal(savedSelection('@2017-01-11T06:00'), undefined);
    const request = { date: DATE, grouping: 'folder' };
    const long = 'x'.repeat(500);
    const parsed = webviewMessageSchema.parse({ type: 'timeline', seq: 3, request, select: { task: long, at: '2017-01-11T06:00' } });
    assert.deepEqual(parsed.type === 'timeline' && parsed.select, { task: long, at: '2017-01-11T06:00' });
    const bad = webviewMessageSchema.parse({ type: 'timeline', seq: 4, request, select: { task: '', at: 7 } });
    assert.ok(bad.type === 'timeline' && bad.select === undefined && bad.request.date === DATE);
    assert.equal(webviewMessageSchema.safeParse({ type: 'timelineChunks', seq: 1, chunks: [-1] }).success, false);
  });
});
