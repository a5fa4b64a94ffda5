import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { NightshiftApi } from '../../src/extension/extension';
import { nightshift, waitFor, workspaceRoot } from './harness';

describe('Problems panel diagnostics in a real VS Code', () => {
  let api: NightshiftApi;
  let root: string;

  before(async () => {
    api = await nightshift();
    root = workspaceRoot().fsPath;
  });

  const problems = (path: string) => vscode.languages.getDiagnostics(vscode.Uri.file(path)).filter((d) => d.source === 'nightshift');

  it('the sample workspace has no problems', () => {
    const all = vscode.languages.getDiagnostics().filter(([, list]) => list.some((d) => d.source === 'nightshift'));
    assert.deepEqual(all.map(([uri, list]) => `${uri.path}: ${list.map((d) => d.message).join('; ')}`), []);
  });

  it('reports a broken task file at its line, and clears it when fixed', async () => {
    const file = `${root}/finance_dw/tasks/ods/broken.task.yaml`;
    writeFileSync(file, 'id: "19100"\nname: broken_task\ntype: SQL\nowner: alice\nschedule:\n  cycle: minute\n  interval: 2\n');
    const [problem] = await waitFor(() => problems(file).length > 0 && problems(file), 'a diagnostic on the broken file');
    assert.match(problem!.message, /schedule\.interval: a minute interval must be 5 to 59 minutes, not 2/);
    assert.equal(problem!.range.start.line, 6);
    assert.equal(problem!.severity, vscode.DiagnosticSeverity.Error);
    writeFileSync(file, 'id: "19100"\nname: broken_task\ntype: SQL\nowner: alice\nschedule:\n  cycle: minute\n  interval: 10\n');
    await waitFor(() => problems(file).length === 0, 'the diagnostic to clear');
    rmSync(file);
  });

  it('reports malformed YAML without hiding the other files', async () => {
    const file = `${root}/marketing_dw/tasks/sandbox/malformed.task.yaml`;
    writeFileSync(file, 'id: "19101"\nname: [unclosed\ntype: SQL\n');
    const [problem] = await waitFor(() => problems(file).length > 0 && problems(file), 'a YAML diagnostic');
    assert.match(problem!.message, /malformed YAML/);
    assert.ok(api.indexer.index.task('20001'), 'the other tasks stay indexed');
    rmSync(file);
    await waitFor(() => problems(file).length === 0, 'the diagnostic to go with the file');
  });

  it('reports a duplicate id on both files and a dependency on a missing task', async () => {
    const a = `${root}/finance_dw/tasks/ods/dup_a.task.yaml`;
    const b = `${root}/marketing_dw/tasks/sandbox/dup_b.task.yaml`;
    writeFileSync(a, 'id: "19200"\nname: dup_a\ntype: SQL\nowner: alice\ndependencies:\n  - task: "99999"\n');
    writeFileSync(b, 'id: "19200"\nname: dup_b\ntype: SQL\nowner: erin\n');
    await waitFor(() => problems(a).length >= 2 && problems(b).length >= 1, 'diagnostics on both files');
    assert.ok(problems(b).some((d) => /id: "19200" is also the id of/.test(d.message)));
    const missing = problems(a).find((d) => /no task has the id "99999"/.test(d.message));
    assert.ok(missing);
    assert.equal(missing.range.start.line, 5);
    rmSync(a);
    rmSync(b);
    await waitFor(() => problems(a).length === 0 && problems(b).length === 0, 'the diagnostics to clear');
  });

  it('counts errors in the view badge', async () => {
    const file = `${root}/finance_dw/tasks/ods/badge.task.yaml`;
    writeFileSync(file, 'id: "19300"\nname: badge_task\ntype: Perl\nowner: alice\n');
    await waitFor(() => api.view.badge?.value === 1, 'a badge of 1');
    rmSync(file);
    await waitFor(() => api.view.badge === undefined, 'the badge to clear');
  });
});
