/**
 * Syntax colours for the dark theme: CodeMirror's default style is made for a light background
 * (its purple keywords and red strings fall under 4.5:1 on zinc-950). Light tints instead, each
 * above 7:1 on the editor's dark background.
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

export const darkHighlight = syntaxHighlighting(
  HighlightStyle.define([
    { tag: [t.keyword, t.operatorKeyword, t.modifier, t.controlKeyword, t.definitionKeyword, t.moduleKeyword], color: '#c4b5fd' },
    { tag: [t.string, t.special(t.string), t.regexp], color: '#86efac' },
    { tag: [t.number, t.bool, t.null, t.atom], color: '#fcd34d' },
    { tag: [t.comment, t.lineComment, t.blockComment], color: '#a1a1aa', fontStyle: 'italic' },
    { tag: [t.definition(t.variableName), t.function(t.variableName), t.definition(t.propertyName)], color: '#93c5fd' },
    { tag: [t.variableName, t.propertyName, t.typeName, t.className, t.labelName], color: '#e4e4e7' },
    { tag: t.invalid, color: '#fca5a5' },
  ]),
);
