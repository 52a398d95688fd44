import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Participant } from '@shared/participants';
import { html, htmlTag } from './html';
import { printText } from './labels';
import { identityRemover } from './redact';
import type { PrintSection } from './sections/section';
import { renderDocument, type DocumentParts } from './template';
import { PRINT_STYLESHEET } from './stylesheet';

const participant = {
  id: 'a'.repeat(32),
  pseudonym: 'P-2026-004',
  firstName: '<script>alert(1)</script>',
  lastName: 'Haddad',
  preferredName: null,
  phone: null,
  email: null,
} as Participant;

/** A section that prints what it is given, for checking the document around it. */
function section(id: string, content: string, signatures = false): { section: PrintSection; body: ReturnType<typeof html> } {
  const stub: PrintSection = { id, permission: 'participants.read', signatures, dated: false, render: () => html`${content}` };
  return { section: stub, body: stub.render({} as never) };
}

function document(overrides: Partial<DocumentParts> = {}): string {
  return renderDocument({
    text: printText('en'),
    html,
    participant,
    pseudonymOnly: false,
    printedBy: 'Kalle <Ohjaaja>',
    printedAt: new Date(2026, 10, 28, 11, 0),
    banner: null,
    sections: [section('basic', 'BASIC-CONTENT'), section('consents', 'CONSENT-CONTENT', true)],
    mode: 'print',
    ...overrides,
  });
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('the case summary document', () => {
  it('prints a name that looks like markup as the text it is', () => {
    const out = document();
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Haddad');
    expect(out).toContain('Printed by Kalle &lt;Ohjaaja&gt;');
    expect(out).not.toMatch(/<script/i);
  });

  it('holds the given sections under their headings, in order, and signature lines only where a section needs them', () => {
    const out = document();
    expect(out).toMatch(/<h2>Basic details<\/h2>\s*BASIC-CONTENT[\s\S]*<h2>Consents<\/h2>\s*CONSENT-CONTENT/);
    expect(out.match(/Participant’s signature/g)).toHaveLength(1);
    expect(out.indexOf('Participant’s signature')).toBeGreaterThan(out.indexOf('CONSENT-CONTENT'));
    const basicOnly = document({ sections: [section('basic', 'BASIC-CONTENT')] });
    expect(basicOnly).not.toContain('CONSENT-CONTENT');
    expect(basicOnly).not.toContain('class="signatures"');
  });

  it('allows by hash exactly its own stylesheets and nothing else', () => {
    const out = document();
    const styles = [...out.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? '');
    expect(styles[0]).toBe(PRINT_STYLESHEET);
    expect(styles).toHaveLength(2);
    const policy = /content="(default-src 'none'; style-src [^"]+)"/.exec(out)?.[1];
    expect(policy).toBe(`default-src 'none'; style-src ${styles.map(sha256).join(' ')}`);
  });

  it('marks every printed page confidential, with the code, who printed it and when, and "page X / Y"', () => {
    const margins = /<style>(@page[\s\S]*?)<\/style>/.exec(document())?.[1] ?? '';
    expect(margins).toContain('@top-left { content: "CONFIDENTIAL"; }');
    expect(margins).toContain('@top-right { content: "P-2026-004"; }');
    expect(margins).toContain('@bottom-right { content: "Page " counter(page) " / " counter(pages); }');
    expect(margins).toContain('@bottom-left { content: "Printed by Kalle \\3c Ohjaaja\\3e  on 28 November 2026 at 11:00');
    const fi = /<style>(@page[\s\S]*?)<\/style>/.exec(document({ text: printText('fi') }))?.[1] ?? '';
    expect(fi).toContain('"LUOTTAMUKSELLINEN"');
    expect(fi).toContain('"Sivu " counter(page) " / " counter(pages)');
  });

  it('leaves the page margins out of the preview, which shows the mark at the top instead', () => {
    const out = document({ mode: 'preview' });
    expect(out.match(/<style>/g)).toHaveLength(1);
    expect(out).toContain('<p class="doc-confidential">CONFIDENTIAL</p>');
  });

  it('puts the safety banner before every section', () => {
    const out = document({ banner: html`<section class="banner">FLAGS-IN-FORCE</section>` });
    expect(out.indexOf('FLAGS-IN-FORCE')).toBeLessThan(out.indexOf('BASIC-CONTENT'));
  });

  it('shows only the pseudonym code, and says so, when printing pseudonym only', () => {
    const out = document({ pseudonymOnly: true, html: htmlTag(identityRemover(participant)) });
    expect(out).not.toContain('Haddad');
    expect(out).not.toContain('alert');
    expect(out).toContain('<span class="code">P-2026-004</span></p>');
    expect(out).toContain('Pseudonym only: names and contact details are left out.');
  });
});
