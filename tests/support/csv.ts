/**
 * A small RFC 4180 reader for tests: the records of a CSV text with the given separator (quoted fields, doubled
 * quotes, CRLF line ends). It refuses what the standard does not allow (a quote inside an unquoted field, an
 * unclosed quote, a bare LF or CR between records), so that a test reading a file back also checks its form.
 */
export function parseCsv(text: string, separator = ';'): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const fail = (what: string) => {
    throw new Error(`CSV: ${what} at ${i}`);
  };
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) fail('unclosed quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') fail('quote in an unquoted field');
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === separator) i++;
    else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else if (i < text.length) fail('line end other than CRLF');
  }
  if (record.length > 0) fail('last line without CRLF');
  return records;
}
