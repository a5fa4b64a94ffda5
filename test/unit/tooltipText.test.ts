import { strict as assert } from 'node:assert';
import { elapsedText } from '../../src/core/text/elapsedText';
import { escapeMarkdownInline } from '../../src/core/text/markdownEscape';

describe('tooltip text', () => {
  describe('the Markdown escape', () => {
    it('keeps user text on its line: no newline can end a table row or start a fake one', () => {
      for (const text of ['a\n| Owner | mallory |', 'a\r\n\r\n# Heading', 'a\rb', 'a\u2028b\u2029c', 'a\u0085b']) {
        const escaped = escapeMarkdownInline(text);
        assert.doesNotMatch(escaped, /[\r\n\u0085\u2028\u2029]/, JSON.stringify(text));
      }
      assert.equal(escapeMarkdownInline('a\n| Owner | mallory |'), 'a \\| Owner \\| mallory \\|');
    });

    it('lets no link through: bare URLs, [text](url), images, autolinks, e-mail addresses', () => {
      const cases: [string, string][] = [
        ['see https://evil.example/x', 'see https\\://evil.example/x'],
        ['HTTP://EVIL.EXAMPLE', 'HTTP\\://EVIL.EXAMPLE'],
        ['www.evil.example', 'www\\.evil.example'],
        ['[click](https://evil.example)', '\\[click\\]\\(https\\://evil.example\\)'],
        ['![x](https://evil.example/p.png)', '\\!\\[x\\]\\(https\\://evil.example/p.png\\)'],
        ['<https://evil.example>', '\\<https\\://evil.example\\>'],
        ['mail bob@evil.example', 'mail bob\\@evil.example'],
        ['[ref]: https://evil.example', '\\[ref\\]: https\\://evil.example'],
      ];
      for (const [text, expected] of cases) assert.equal(escapeMarkdownInline(text), expected, text);
    });

    it('escapes emphasis, code and HTML, and leaves plain text as it is', () => {
      assert.equal(escapeMarkdownInline('*a* _b_ `c` <b>d</b> ~~e~~ &amp; \\'), '\\*a\\* \\_b\\_ \\`c\\` \\<b\\>d\\</b\\> \\~\\~e\\~\\~ \\&amp; \\\\');
      assert.equal(escapeMarkdownInline('ods_orders: daily, cross-cycle: self'), 'ods\\_orders: daily, cross-cycle: self');
    });
  });

  describe('a lock\'s age', () => {
    const now = Date.parse('2026-01-05T13:30:00Z');
    it('says how long ago, in the largest unit that fits', () => {
      assert.equal(elapsedText('2026-01-05T13:29:31Z', now), 'less than a minute');
      assert.equal(elapsedText('2026-01-05T13:18:00Z', now), '12 min');
      assert.equal(elapsedText('2026-01-05T10:30:00Z', now), '3 h');
      assert.equal(elapsedText('2026-01-03T14:00:00Z', now), '47 h');
      assert.equal(elapsedText('2026-01-01T13:30:00Z', now), '4 days');
    });
    it('counts a time ahead of this clock as just now, and knows no age for a bad timestamp', () => {
      assert.equal(elapsedText('2026-01-05T14:00:00Z', now), 'less than a minute');
      assert.equal(elapsedText('yesterday', now), undefined);
    });
  });
});
