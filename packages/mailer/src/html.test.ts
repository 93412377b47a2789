import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html.js';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
  });

  it('leaves German text and other characters alone', () => {
    expect(escapeHtml('Grüße – „Müller & Söhne“ € 100 %')).toBe(
      'Grüße – „Müller &amp; Söhne“ € 100 %',
    );
  });

  it('treats its input as text: the ampersand of an entity is escaped too', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
    expect(escapeHtml('')).toBe('');
  });
});
