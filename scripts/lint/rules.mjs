// The project's own ESLint rules, loaded by eslint.config.js as the plugin `polku`: where code may import from,
// and no interface text written straight into JSX. Plain JavaScript, so that ESLint loads them without a build.
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The file an import points at, relative to the project root with '/' separators; null for a package. */
function importedPath(root, filename, specifier) {
  let target;
  if (specifier.startsWith('.')) target = resolve(dirname(filename), specifier);
  else if (specifier.startsWith('@shared/')) target = join(root, 'shared', specifier.slice('@shared/'.length));
  else return null;
  return relative(root, target).split(sep).join('/');
}

function projectPath(root, filename) {
  return relative(root, isAbsolute(filename) ? filename : resolve(root, filename))
    .split(sep)
    .join('/');
}

const inFolder = (path, folder) => path === folder || path.startsWith(`${folder}/`);

/** Calls `check(sourceNode)` for every import, re-export and dynamic import with a literal source. */
function onImports(check) {
  const withSource = (node) => {
    if (node.source && node.source.type === 'Literal' && typeof node.source.value === 'string') check(node.source);
  };
  return {
    ImportDeclaration: withSource,
    ExportNamedDeclaration: withSource,
    ExportAllDeclaration: withSource,
    ImportExpression: withSource,
  };
}

/** Folders a file group may not import from, e.g. the renderer reaching into electron/. */
const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbids imports across a process or test boundary.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          forbidden: {
            type: 'array',
            items: {
              type: 'object',
              properties: { folder: { type: 'string' }, because: { type: 'string' } },
              required: ['folder', 'because'],
              additionalProperties: false,
            },
          },
        },
        required: ['root', 'forbidden'],
        additionalProperties: false,
      },
    ],
    messages: { forbidden: "This file may not import from {{folder}}/ ('{{specifier}}'): {{because}}" },
  },
  create(context) {
    const [{ root, forbidden }] = context.options;
    return onImports((source) => {
      const target = importedPath(root, context.filename, source.value);
      if (target === null) return;
      for (const { folder, because } of forbidden) {
        if (inFolder(target, folder)) {
          context.report({ node: source, messageId: 'forbidden', data: { folder, specifier: source.value, because } });
        }
      }
    });
  },
};

/**
 * The sub-folders of `folder` (domains, features) reach each other only along the edges listed in `allowed`
 * (from -> [to]); a new edge needs a deliberate line in eslint.config.js.
 */
const domainEdges = {
  meta: {
    type: 'problem',
    docs: { description: 'Allows imports between domain folders only along listed edges.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          folder: { type: 'string' },
          allowed: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        },
        required: ['root', 'folder', 'allowed'],
        additionalProperties: false,
      },
    ],
    messages: {
      edge: "{{folder}}/{{from}} may not import from {{folder}}/{{to}} ('{{specifier}}'). If this dependency is deliberate, add '{{to}}' to the allowed edges of '{{from}}' in eslint.config.js.",
    },
  },
  create(context) {
    const [{ root, folder, allowed }] = context.options;
    const domainOf = (path) => {
      if (!inFolder(path, folder)) return null;
      const parts = path.slice(folder.length + 1).split('/');
      // A file directly in the folder (dispatch.ts, registry.ts) belongs to no domain.
      return parts.length > 1 ? parts[0] : null;
    };
    const from = domainOf(projectPath(root, context.filename));
    if (from === null) return {};
    return onImports((source) => {
      const target = importedPath(root, context.filename, source.value);
      const to = target === null ? null : domainOf(target);
      if (to === null || to === from || (allowed[from] ?? []).includes(to)) return;
      context.report({ node: source, messageId: 'edge', data: { folder, from, to, specifier: source.value } });
    });
  },
};

const LETTER = /\p{L}/u;

/** Attributes of HTML and SVG elements whose value is never shown or read out as text. */
const NON_TEXT_ATTRIBUTES = new Set([
  'accept',
  'autoCapitalize',
  'autoComplete',
  'className',
  'd',
  'dir',
  'dominantBaseline',
  'draggable',
  'encType',
  'enterKeyHint',
  'fill',
  'focusable',
  'form',
  'headers',
  'hidden',
  'href',
  'htmlFor',
  'id',
  'inputMode',
  'key',
  'lang',
  'list',
  'method',
  'name',
  'pattern',
  'preserveAspectRatio',
  'rel',
  'role',
  'scope',
  'slot',
  'spellCheck',
  'src',
  'stroke',
  'strokeLinecap',
  'strokeLinejoin',
  'target',
  'textAnchor',
  'transform',
  'translate',
  'type',
  'value',
  'viewBox',
  'wrap',
  'xmlns',
]);

/** ARIA attributes whose value is read out to the user; every other aria-* value is a token. */
const SPOKEN_ARIA = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder']);

/** Props of the project's own components that carry text to show. */
const TEXT_PROPS = new Set([
  'alt',
  'caption',
  'description',
  'heading',
  'hint',
  'label',
  'legend',
  'message',
  'placeholder',
  'text',
  'title',
  ...SPOKEN_ARIA,
]);

function attributeName(node) {
  return node.name.type === 'JSXNamespacedName' ? `${node.name.namespace.name}:${node.name.name.name}` : node.name.name;
}

function isIntrinsic(element) {
  return element.name.type === 'JSXIdentifier' && /^[a-z]/.test(element.name.name);
}

function showsText(element, name) {
  if (!isIntrinsic(element)) return TEXT_PROPS.has(name);
  if (name.startsWith('aria-')) return SPOKEN_ARIA.has(name);
  return !NON_TEXT_ATTRIBUTES.has(name) && !name.startsWith('data-');
}

/** The literal text of a string literal or a template without placeholders; null for anything computed. */
function literalText(node) {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return null;
}

/** Words written straight into JSX reach the user untranslated; they belong in the i18n files, shown through t(). */
const noUntranslatedJsxText = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbids interface text written straight into JSX instead of through the translations.' },
    schema: [],
    messages: {
      text: "Untranslated text '{{text}}' in JSX: add a key in fi, sv and en and show it through t().",
      attribute: "Untranslated text '{{text}}' in the {{name}} attribute: add a key in fi, sv and en and use t().",
    },
  },
  create(context) {
    const excerpt = (text) => text.trim().replace(/\s+/g, ' ').slice(0, 40);
    return {
      JSXText(node) {
        if (LETTER.test(node.value)) context.report({ node, messageId: 'text', data: { text: excerpt(node.value) } });
      },
      JSXExpressionContainer(node) {
        if (node.parent.type !== 'JSXElement' && node.parent.type !== 'JSXFragment') return;
        const text = literalText(node.expression);
        if (text !== null && LETTER.test(text)) context.report({ node, messageId: 'text', data: { text: excerpt(text) } });
      },
      JSXAttribute(node) {
        if (!node.value) return;
        const value = node.value.type === 'JSXExpressionContainer' ? node.value.expression : node.value;
        const text = literalText(value);
        if (text === null || !LETTER.test(text)) return;
        const name = attributeName(node);
        if (showsText(node.parent, name)) {
          context.report({ node: node.value, messageId: 'attribute', data: { text: excerpt(text), name } });
        }
      },
    };
  },
};

/** The plugin object for eslint.config.js. */
export const polku = {
  meta: { name: 'polku' },
  rules: {
    'import-boundaries': importBoundaries,
    'domain-edges': domainEdges,
    'no-untranslated-jsx-text': noUntranslatedJsxText,
  },
};
