import { describe, expect, it } from 'vitest';
import { MATCH_END, MATCH_START } from '@shared/search';
import { stemMarker } from './mark-stems';
import { queryStemKeys } from './match';

/** A snippet written with [ and ] for the match marks. */
const marked = (text: string) => text.replaceAll('[', MATCH_START).replaceAll(']', MATCH_END);
const mark = (query: string, snippet: string) => stemMarker(queryStemKeys(query))(marked(snippet));

describe('marking the words a snippet was found by through their stem', () => {
  it('marks every inflected form of a searched word, in any case', () => {
    expect(mark('tulkki ', 'Ei ollut tulkkia, joten sovimme ajan Tulkin kanssa.')).toBe(
      marked('Ei ollut [tulkkia], joten sovimme ajan [Tulkin] kanssa.'),
    );
    expect(mark('arbetsavtal ', 'Vi gick igenom arbetsavtalet.')).toBe(marked('Vi gick igenom [arbetsavtalet].'));
  });

  it('leaves words already marked as they are and marks no unrelated word', () => {
    expect(mark('työpaikka tulkki', '[Työpaikan] haastattelu, tulkki tuli ajoissa…')).toBe(
      marked('[Työpaikan] haastattelu, [tulkki] tuli ajoissa…'),
    );
    expect(mark('tuli ', 'Tulkki oli paikalla.')).toBe(marked('Tulkki oli paikalla.'));
  });

  it('leaves the snippet unchanged for a query with no stem keys', () => {
    expect(mark('ja ', 'Tulkki ja hän.')).toBe(marked('Tulkki ja hän.'));
  });
});
