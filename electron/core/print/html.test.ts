import { describe, expect, it } from 'vitest';
import { escapeHtml, html, htmlTag } from './html';

describe('the html tag', () => {
  it('escapes every character that could start markup or end an attribute', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;',
    );
  });

  it('puts text values in as text and markup made by the tag as markup', () => {
    const name = '<b>Leila</b>';
    const inner = html`<em>${name}</em>`;
    expect(html`<p title="${'"quoted"'}">${inner} ${3}</p>`.value).toBe(
      '<p title="&quot;quoted&quot;"><em>&lt;b&gt;Leila&lt;/b&gt;</em> 3</p>',
    );
  });

  it('joins lists and prints nothing for null, undefined and false', () => {
    const list = html`<b>${['a', html`<i>b</i>`, null, undefined, false, ['<c>']]}</b>`;
    expect(list.value).toBe('<b>a<i>b</i>&lt;c&gt;</b>');
  });

  it('passes text values, and only them, through its transform before escaping', () => {
    const shout = htmlTag((text) => text.toUpperCase());
    const markup = html`<i>kept</i>`;
    expect(shout`<p>${'quiet <tag>'}${markup}</p>`.value).toBe('<p>QUIET &lt;TAG&gt;<i>kept</i></p>');
  });
});
