import type { ESLint, Rule } from 'eslint';

type RuleName = 'import-boundaries' | 'domain-edges' | 'no-untranslated-jsx-text';

/** The project's own ESLint rules (rules.mjs), as the plugin `polku`. */
export declare const polku: ESLint.Plugin & { rules: Record<RuleName, Rule.RuleModule> };
