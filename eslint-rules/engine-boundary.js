// ESLint rule: a file under src/engine/ may import only files under src/engine/.
// Relative specifiers are resolved against the importing file, so depth does not matter.
import path from 'node:path';

const ENGINE = path.join('src', 'engine') + path.sep;

export default {
  meta: {
    type: 'problem',
    docs: { description: 'keep src/engine/ pure: it imports nothing outside itself' },
    messages: {
      outside: "src/engine/ imports nothing outside itself, but this imports '{{spec}}'. Move the shared code into the engine or invert the dependency.",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const root = context.cwd;
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const spec = node.source.value;
      const resolved = spec.startsWith('.') ? path.relative(root, path.resolve(path.dirname(file), spec)) + path.sep : null;
      if (resolved === null || !resolved.startsWith(ENGINE)) {
        context.report({ node: node.source, messageId: 'outside', data: { spec } });
      }
    };
    return {
      ImportDeclaration: check,
      ExportAllDeclaration: check,
      ExportNamedDeclaration: check,
      ImportExpression(node) {
        if (node.source.type === 'Literal') check({ source: node.source });
        else context.report({ node, messageId: 'outside', data: { spec: '(dynamic import)' } });
      },
    };
  },
};
