import { strict as assert } from 'node:assert';
import { formatCount } from '../../webview/panel/countText';
import { PAGE_SIZE, RowWindowCache } from '../../webview/panel/rowWindowCache';
import { restoreState, sameQuery } from '../../webview/panel/panelState';
import { defaultQuery } from '../../src/core/taskList/taskListQuery';
import {
  AXIS_HEIGHT,
  axisTicks,
  clock,
  fitMinutesPerPx,
  hitTest,
  LABEL_WIDTH,
  LANE_HEIGHT,
  MIN_MINUTES_PER_PX,
  minuteToX,
  neighbour,
  rowTable,
  visibleRows,
  xToMinute,
  zoomAt,
  type Viewport,
} from '../../webview/panel/timelineViewport';
import { spanMinutes } from '../../src/core/timeline/timelineChunks';

describe('webview models, tested in Node', () => {
  it('writes counts with thousands separators, without the browser\'s locale data', () => {
    assert.deepEqual([0, 7, 999, 1000, 10000, 105356, 1234567].map(formatCount), ['0', '7', '999', '1,000', '10,000', '105,356', '1,234,567']);
  });

  describe('row window cache', () => {
    it('asks for each missing page once, and none it holds', () => {
      const cache = new RowWindowCache<number>();
      cache.reset(1, 1000, 0, Array.from({ length: 120 }, (_, i) => i));
      assert.deepEqual(cache.pagesToRequest(0, 100), []);
      assert.deepEqual(cache.pagesToRequest(90, 230), [{ start: 100, count: PAGE_SIZE }, { start: 200, count: PAGE_SIZE }]);
      assert.deepEqual(cache.pagesToRequest(90, 230), []);
      assert.deepEqual(cache.pagesToRequest(950, 2000), [{ start: 900, count: 100 }]);
    });

    it('drops rows of an older query and forgets everything on a new one', () => {
      const cache = new RowWindowCache<string>();
      cache.reset(1, 250, 0, ['a']);
      cache.reset(2, 250, 0, ['b']);
      assert.equal(cache.put(1, 100, ['stale']), false);
      assert.equal(cache.get(100), undefined);
      assert.equal(cache.put(2, 100, ['fresh']), true);
      assert.equal(cache.get(100), 'fresh');
      assert.equal(cache.get(0), 'b');
      assert.deepEqual(cache.pagesToRequest(240, 260), [{ start: 200, count: 50 }]);
    });
  });

  describe('saved panel state', () => {
    it('keeps what has the right shape and defaults the rest', () => {
      const state = restoreState({ tab: 'timeline', query: { search: 'ods', methods: ['paused'] }, columns: ['id', 'bogus'], selection: ['1', 2], scrollTop: 520 }, defaultQuery());
      assert.equal(state.tab, 'timeline');
      assert.equal(state.query.search, 'ods');
      assert.deepEqual(state.query.methods, ['paused']);
      assert.deepEqual(state.columns, ['name', 'id']);
      assert.deepEqual(state.selection, ['1']);
      assert.equal(state.scrollTop, 520);
      assert.deepEqual(state.query.sort, defaultQuery().sort);
      assert.deepEqual(restoreState({ query: ['not', 'a', 'query'] }, defaultQuery()).query, defaultQuery());
      assert.equal(restoreState(undefined, defaultQuery()).tab, 'list');
    });
  });

  describe('the rows written into the page', () => {
    it('are used only for the same query, whatever its key order', () => {
      const query = defaultQuery();
      const reordered = Object.fromEntries(Object.entries(query).reverse());
      assert.ok(sameQuery(query, reordered));
      assert.ok(sameQuery({ ...query, folder: undefined }, query));
      assert.ok(!sameQuery({ ...query, search: 'ods' }, query));
      assert.ok(!sameQuery({ ...query, tags: ['a', 'b'] }, { ...query, tags: ['b', 'a'] }));
    });
  });

  describe('timeline viewport', () => {
    let unloaded = -1;
    const data = {
      groupStart: [0, 2],
      laneCount: 3,
      laneLoaded: (lane: number) => lane !== unloaded,
      laneFirst: Int32Array.from([0, 2, 2, 4]),
      lane: Int32Array.from([0, 0, 2, 2]),
      start: Int32Array.from([60, 600, 55, 900]),
      end: Int32Array.from([70, 600, 65, 960]),
    };
    const vp: Viewport = { minutesPerPx: 2, originMinute: 0, scrollTop: 0, width: LABEL_WIDTH + 720, height: 400 };

    it('puts a header row before each group\'s lanes', () => {
      const rows = rowTable(data);
      assert.equal(rows.count, 5);
      assert.deepEqual([...rows.laneOfRow], [-1, 0, 1, -1, 2]);
      assert.deepEqual([...rows.rowOfLane], [1, 2, 4]);
      assert.deepEqual([...rows.groupOfRow], [0, 0, 0, 1, 1]);
    });

    it('maps minutes to pixels and back, and fits the day to the width', () => {
      assert.equal(minuteToX(vp, 120), LABEL_WIDTH + 60);
      assert.equal(xToMinute(vp, LABEL_WIDTH + 60), 120);
      assert.equal(fitMinutesPerPx(1440, vp), 2);
      assert.equal(spanMinutes({ end: Int32Array.from([10, 1500]) }), 1500);
      assert.equal(spanMinutes({ end: Int32Array.from([10]) }), 1440);
    });

    it('zooms around the pointer, no closer than the limit and no wider than the day', () => {
      const x = LABEL_WIDTH + 300;
      const before = xToMinute(vp, x);
      const zoomed = zoomAt(vp, 4, x, 1440);
      assert.equal(zoomed.minutesPerPx, 0.5);
      assert.ok(Math.abs(xToMinute(zoomed, x) - before) < 1e-9);
      assert.equal(zoomAt(zoomed, 1e6, x, 1440).minutesPerPx, MIN_MINUTES_PER_PX);
      const out = zoomAt(zoomed, 1e-6, x, 1440);
      assert.equal(out.minutesPerPx, 2);
      assert.equal(out.originMinute, 0);
    });

    it('labels the axis at round steps that leave room for text', () => {
      const ticks = axisTicks(vp, 1440);
      assert.equal(ticks[1]!.minute - ticks[0]!.minute, 180);
      assert.equal(ticks[0]!.label, '00:00');
      assert.equal(clock(1500), '01:00 +1d');
      const close = axisTicks({ ...vp, minutesPerPx: 1 / 12, originMinute: 600 }, 1440);
      assert.equal(close[1]!.minute - close[0]!.minute, 10);
    });

    it('finds the visible rows and the instance under the pointer, with slack for thin bars', () => {
      const rows = rowTable(data);
      assert.deepEqual(visibleRows({ ...vp, height: AXIS_HEIGHT + 2 * LANE_HEIGHT }, rows.count), [0, 2]);
      const y = (row: number) => AXIS_HEIGHT + row * LANE_HEIGHT + LANE_HEIGHT / 2;
      assert.equal(hitTest(data, rows, vp, minuteToX(vp, 65), y(1)), 0);
      // A zero-minute bar at 10:00 is still hit a pixel away.
      assert.equal(hitTest(data, rows, vp, minuteToX(vp, 600) + 2, y(1)), 1);
      assert.equal(hitTest(data, rows, vp, minuteToX(vp, 300), y(1)), -1);
      assert.equal(hitTest(data, rows, vp, minuteToX(vp, 60), y(0)), -1);
      assert.equal(hitTest(data, rows, vp, minuteToX(vp, 920), y(4)), 3);
      assert.equal(hitTest(data, rows, vp, 10, y(4)), -1);
    });

    it('moves along a lane and to the nearest instance in time of the next lane that has any', () => {
      assert.equal(neighbour(data, 0, 'right'), 1);
      assert.equal(neighbour(data, 1, 'right'), 1);
      assert.equal(neighbour(data, 0, 'left'), 0);
      assert.equal(neighbour(data, 0, 'down'), 2);
      assert.equal(neighbour(data, 1, 'down'), 3);
      assert.equal(neighbour(data, 3, 'up'), 1);
      assert.equal(neighbour(data, 0, 'up'), 0);
    });

    it('neither hits nor moves to a lane whose chunk has not come', () => {
      const rows = rowTable(data);
      const y = (row: number) => AXIS_HEIGHT + row * LANE_HEIGHT + LANE_HEIGHT / 2;
      unloaded = 2;
      try {
        assert.equal(hitTest(data, rows, vp, minuteToX(vp, 920), y(4)), -1);
        assert.equal(neighbour(data, 0, 'down'), 0);
      } finally {
        unloaded = -1;
      }
    });
  });
});
