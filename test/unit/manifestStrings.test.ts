import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const read = (name: string) => JSON.parse(readFileSync(join(ROOT, name), 'utf8')) as Record<string, unknown>;

/** Every `%key%` string of an object, wherever it sits. */
function keysIn(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    if (m) out.add(m[1]!);
  } else if (Array.isArray(value)) value.forEach((v) => keysIn(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => keysIn(v, out));
  return out;
}

/** What the extension contributes goes through package.nls.json, with a zh-cn entry for every key. */
describe('the manifest\'s strings (package.nls.json, package.nls.zh-cn.json)', () => {
  const manifest = read('package.json');
  const english = read('package.nls.json') as Record<string, string>;
  const chinese = read('package.nls.zh-cn.json') as Record<string, string>;
  const contributes = manifest.contributes as Record<string, unknown>;

  it('every %key% of package.json has an English string, and every English key is used', () => {
    const used = keysIn(manifest);
    for (const key of used) assert.ok(typeof english[key] === 'string' && english[key]!.length > 0, `package.nls.json has no "${key}"`);
    for (const key of Object.keys(english)) assert.ok(used.has(key), `package.nls.json has "${key}", which package.json does not use`);
  });

  it('every English key has a zh-cn string that is not the English one (bar the product name), and no more', () => {
    for (const [key, text] of Object.entries(english)) {
      assert.ok(typeof chinese[key] === 'string' && chinese[key]!.length > 0, `package.nls.zh-cn.json has no "${key}"`);
      if (text !== 'Nightshift') assert.notEqual(chinese[key], text, `"${key}" is not translated`);
    }
    assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort());
    // The commands a zh-cn welcome view links to are the same commands.
    for (const key of Object.keys(english).filter((k) => k.startsWith('welcome.'))) {
      const links = (text: string) => [...text.matchAll(/\]\((command:[^)]+)\)/g)].map((m) => m[1]);
      assert.deepEqual(links(chinese[key]!), links(english[key]!), key);
    }
  });

  it('no command, view, container, welcome text or setting description is written in package.json itself', () => {
    const plain: string[] = [];
    for (const c of contributes.commands as { command: string; title: string; category?: string }[]) {
      if (!/^%.+%$/.test(c.title)) plain.push(`${c.command} title`);
      if (c.category && !/^%.+%$/.test(c.category)) plain.push(`${c.command} category`);
    }
    for (const list of Object.values(contributes.views as Record<string, { id: string; name: string }[]>)) for (const v of list) if (!/^%.+%$/.test(v.name)) plain.push(`${v.id} name`);
    for (const list of Object.values(contributes.viewsContainers as Record<string, { id: string; title: string }[]>)) for (const v of list) if (!/^%.+%$/.test(v.title)) plain.push(`${v.id} title`);
    for (const w of contributes.viewsWelcome as { view: string; contents: string }[]) if (!/^%.+%$/.test(w.contents)) plain.push(`${w.view} welcome`);
    const properties = (contributes.configuration as { properties: Record<string, { description?: string; markdownDescription?: string }> }).properties;
    for (const [name, p] of Object.entries(properties)) if (!/^%.+%$/.test(p.markdownDescription ?? p.description ?? '')) plain.push(`${name} description`);
    assert.deepEqual(plain, []);
  });
});
