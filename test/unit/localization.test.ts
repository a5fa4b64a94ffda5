import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { L10N_SOURCES, l10nStrings, nonLiteralCalls, placeholders } from '../../scripts/l10nStrings';
import { typeScriptFiles } from '../../scripts/sourceFiles';
import { chooseLanguage } from '../../src/cli/cliLanguage';
import { currentLanguage, languageOfLocale, useLanguage } from '../../src/core/text/language';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';
import { copyOfSamples, nightshiftIn, writeFiles } from './fixtures';

const ROOT = join(__dirname, '../..');
const bundle = (name: string) => JSON.parse(readFileSync(join(ROOT, 'l10n', name), 'utf8')) as Record<string, string>;

describe('the zh-cn bundle and the messages', function () {
  this.timeout(60_000);
  afterEach(() => useLanguage('en'));

  it('l10n/bundle.l10n.json holds exactly the strings the code hands to l10n.t (npm run l10n:export)', () => {
    const inCode = [...l10nStrings(ROOT, L10N_SOURCES).keys()].sort();
    assert.deepEqual(Object.keys(bundle('bundle.l10n.json')).sort(), inCode);
    assert.deepEqual(nonLiteralCalls(ROOT, L10N_SOURCES), [], 'l10n.t takes a literal: a bundle cannot know a computed text');
  });

  it('no user-visible string in src/extension or webview/ bypasses the bundles', () => {
    // What VS Code or the page shows: messages, titles, prompts, labels, descriptions, tooltips,
    // accessible names and text set on the page, written as a literal that starts with a word.
    const shown = /show(Information|Warning|Error)Message\(\s*['`][A-Za-z]|\b(title|placeHolder|placeholder|prompt|tooltip|detail|description|label|openLabel)\s*[:=]\s*['`][A-Za-z]|'aria-label':\s*['`][A-Za-z]|textContent\s*=\s*['`][A-Za-z]/;
    // Anywhere else: a notification's buttons, and any literal that reads as a sentence (a capitalized
    // word and two more), such as a validation message, a decoration's tooltip or a tree item's label.
    const buttons = /Message\(.*,\s*'[A-Z][a-z]+/;
    const sentence = /['`](\s*\()?[A-Z][a-z]+,? [a-z]+ [a-z]+/;
    // Not words: an example a prompt shows, and the product's name.
    const notWords = [/placeHolder: 'finance_dw'/, /'aria-label': 'Nightshift'/];
    const bypass: string[] = [];
    for (const dir of ['src/extension', 'webview']) {
      for (const file of typeScriptFiles(join(ROOT, dir))) {
        readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
          if ([shown, buttons, sentence].some((r) => r.test(line)) && !line.includes('l10n.t(') && !notWords.some((r) => r.test(line)) && !line.trim().startsWith('//') && !line.trim().startsWith('*')) bypass.push(`${file.slice(ROOT.length + 1)}:${i + 1}: ${line.trim()}`);
        });
      }
    }
    assert.deepEqual(bypass, []);
  });

  it('src/ looks strings up when it shows them, never at load: the language is set after the modules load', () => {
    const atLoad: string[] = [];
    for (const file of typeScriptFiles(join(ROOT, 'src'))) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (/^(export )?const\b/.test(line) && line.includes('l10n.t(') && !line.includes('=>')) atLoad.push(`${file.slice(ROOT.length + 1)}:${i + 1}`);
      });
    }
    assert.deepEqual(atLoad, []);
  });

  it('every English string has a zh-cn entry with the same placeholders, and none is left in English', () => {
    const en = bundle('bundle.l10n.json');
    const zh = bundle('bundle.l10n.zh-cn.json');
    for (const key of Object.keys(en)) {
      assert.ok(zh[key], `no zh-cn entry for "${key}"`);
      assert.deepEqual(placeholders(zh[key]), placeholders(key), `placeholders of "${key}"`);
      // Chinese words, or for a key that is only a flag and its placeholders, full-width punctuation (“{0}”：).
      assert.match(zh[key], /[\u4e00-\u9fff\uff00-\uffef]/, `"${key}" is not translated`);
    }
    assert.deepEqual(Object.keys(zh).filter((k) => !(k in en)), [], 'zh-cn entries no code uses');
  });

  it('a locale names the language: zh_CN.UTF-8, zh-cn and zh-Hans are Chinese; C, en_US and nothing are English', () => {
    for (const locale of ['zh_CN.UTF-8', 'zh-cn', 'zh-Hans', 'zh', 'ZH_cn']) assert.equal(languageOfLocale(locale), 'zh-cn', locale);
    for (const locale of ['C.UTF-8', 'en_US.UTF-8', 'POSIX', '', undefined, 'zhx']) assert.equal(languageOfLocale(locale), 'en', String(locale));
  });

  it('--lang outranks the locale, LC_ALL outranks LANG, and --json stays English', () => {
    assert.deepEqual(chooseLanguage(['validate', '.', '--lang', 'zh-cn'], { LANG: 'en_US.UTF-8' }), ['validate', '.']);
    assert.equal(currentLanguage(), 'zh-cn');
    chooseLanguage(['validate', '--lang=en', '.'], { LANG: 'zh_CN.UTF-8' });
    assert.equal(currentLanguage(), 'en');
    chooseLanguage(['validate', '.'], { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' });
    assert.equal(currentLanguage(), 'zh-cn');
    chooseLanguage(['tree', '.', '--json'], { LANG: 'zh_CN.UTF-8' });
    assert.equal(currentLanguage(), 'en');
    assert.throws(() => chooseLanguage(['validate', '--lang', 'fr'], {}), /--lang takes en or zh-cn, not "fr"/);
  });

  it('the index writes its diagnostics in the language chosen, codes unchanged', () => {
    const root = copyOfSamples();
    writeFiles(root, { 'finance_dw/tasks/broken/b.task.yaml': 'id: "950"\nname: b\ntype: SQL\nowner: mallory\n' });
    const messages = () => [...loadWorkspace(root).diagnostics().values()].flat().map((d) => `${d.code} ${d.message}`);
    assert.ok(messages().includes('unknown-owner owner: "mallory" is not a user of project finance_dw (alice, bob, carol, dave)'), messages().join('\n'));
    useLanguage('zh-cn');
    assert.ok(messages().includes('unknown-owner owner: “mallory”不是项目 finance_dw 的成员（alice, bob, carol, dave）'), messages().join('\n'));
    assert.equal(l10n.t('is required'), '必填');
  });

  it('a batch in zh_CN names the operation, counts and explains in Chinese; with --json its results stay English', () => {
    const root = copyOfSamples();
    const zh = nightshiftIn({ LANG: 'zh_CN.UTF-8' }, 'owner', root, '--tasks', '10001,10003', '--owner', 'bob', '--as', 'alice', '--dry-run');
    assert.equal(zh.code, 0, zh.stderr);
    assert.deepEqual(zh.stdout.split('\n').filter(Boolean), [
      '修改开发负责人（试运行：未做任何修改）: 1 个成功，1 个跳过，0 个失败',
      '10001  succeeded  将会：owner alice → bob',
      '10003  skipped    bob 已是其开发负责人',
    ]);
    const json = nightshiftIn({ LANG: 'zh_CN.UTF-8' }, 'owner', root, '--tasks', '10003', '--owner', 'bob', '--as', 'alice', '--dry-run', '--json');
    assert.deepEqual(JSON.parse(json.stdout).results, [{ task: '10003', status: 'skipped', reason: 'bob already owns it' }]);
  });

  it('nightshift list under zh_CN heads its table in Chinese and aligns it by display width (a Chinese character takes two columns)', () => {
    const { code, stdout } = nightshiftIn({ LANG: 'zh_CN.UTF-8' }, 'list', join(ROOT, 'samples/warehouse'), '--type', 'Shell');
    assert.equal(code, 0);
    const [header, first] = stdout.split('\n');
    assert.match(header!, /^任务ID  任务名称 +任务类型  调度周期/);
    // "任务名称" is 8 columns wide on a terminal: the rows' next column starts where the header's does.
    const displayColumn = (line: string, text: string) => [...line.slice(0, line.indexOf(text))].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
    assert.equal(displayColumn(header!, '任务类型'), displayColumn(first!, 'Shell'));
    assert.match(stdout, /5 \/ 41 个任务\n$/);
  });

  it('nightshift --help and a usage error under zh_CN are in Chinese, wrapped by display width, the flags as typed', () => {
    const help = nightshiftIn({ LANG: 'zh_CN.UTF-8' }, '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^用法：nightshift <命令> \[选项\]\n\n命令：\n  validate <dir> {10}检查每个项目文件和任务文件；有错误时退出码为 1。\n/);
    assert.match(help.stdout, /\n    owner --owner <user>\n        修改开发负责人：修改开发负责人\n/);
    const width = (line: string) => [...line].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
    for (const line of help.stdout.split('\n')) {
      // The command lines are what the user types (one is longer than the help's width); the wrapped descriptions fit.
      if (/[\u4e00-\u9fff]/.test(line)) assert.ok(width(line) <= 106, `too wide: ${line}`);
      assert.doesNotMatch(line, /^ *[，。、；：）]/, 'a line starts with closing punctuation');
    }
    const bad = nightshiftIn({ LANG: 'zh_CN.UTF-8' }, 'owner', join(ROOT, 'samples/warehouse'), '--tasks', '10001', '--owner', 'bob');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^nightshift: 缺少 --as <用户>（执行操作的人）\n\n用法：/);
    const en = nightshiftIn({ LANG: 'C' }, 'owner', join(ROOT, 'samples/warehouse'), '--tasks', '10001', '--owner', 'bob');
    assert.match(en.stderr, /^nightshift: missing --as <user> \(who performs the operation\)\n\nUsage: nightshift <command> \[options\]\n/);
  });

  it('nightshift validate with LANG=zh_CN.UTF-8 prints Chinese messages at file:line and a Chinese summary; LANG=C stays English', () => {
    const root = copyOfSamples();
    writeFiles(root, {
      'finance_dw/tasks/broken/owner.task.yaml': 'id: "951"\nname: owner\ntype: SQL\nowner: mallory\n',
      'finance_dw/tasks/broken/minute.task.yaml': 'id: "952"\nname: minute\ntype: SQL\nowner: alice\nschedule:\n  cycle: minute\n  interval: 3\n',
      'finance_dw/tasks/broken/no_id.task.yaml': 'name: no_id\ntype: SQL\n',
    });
    const zh = nightshiftIn({ LANG: 'zh_CN.UTF-8' }, 'validate', root);
    assert.equal(zh.code, 1);
    assert.match(zh.stderr, /broken\/owner\.task\.yaml:4: owner: “mallory”不是项目 finance_dw 的成员/);
    assert.match(zh.stderr, /broken\/minute\.task\.yaml:7: schedule\.interval: 分钟间隔必须为 5 到 59 分钟，而不是 3/);
    assert.match(zh.stderr, /broken\/no_id\.task\.yaml:1: id: 必填/);
    assert.match(zh.stderr, /2 个项目，43 个任务：3 个错误，0 个警告\n$/);
    // The same files, cached in Chinese a moment ago, read in English: the cache keeps one language's.
    const en = nightshiftIn({ LANG: 'C' }, 'validate', root);
    assert.match(en.stderr, /broken\/owner\.task\.yaml:4: owner: "mallory" is not a user of project finance_dw/);
    assert.match(en.stderr, /2 projects, 43 tasks: 3 errors, 0 warnings\n$/);
  });
});
