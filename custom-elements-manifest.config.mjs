// The custom-elements manifest of @occupational-maps/elements: attributes, properties, events, slots, CSS parts and
// custom properties of every element, read from the sources and their JSDoc. Storybook's docs, docs/theming.md and
// the React wrappers are generated from it. Run from packages/elements (scripts/build.mjs does), so module paths in
// the manifest are relative to the package: `cem analyze --config ../../custom-elements-manifest.config.mjs`.
import { posix } from 'node:path';

/**
 * Our elements register through `Class.define('tag')` in src/define/*.ts (version-aware, see OmElement), which the
 * analyzer does not know. This plugin records those calls as custom-element definitions, so every class gets its
 * tag name and each define module exports its element, exactly as a `customElements.define()` call would.
 */
function omDefineCallsPlugin() {
  return {
    name: 'occupational-maps: Class.define(tag)',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!moduleDoc.path.startsWith('src/define/')) return;
      if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
      const { expression, name } = node.expression;
      const [tagArgument] = node.arguments;
      if (name.text !== 'define' || !ts.isIdentifier(expression) || !tagArgument || !ts.isStringLiteral(tagArgument)) return;
      const className = expression.text;
      const importedFrom = node.getSourceFile().statements.find(
        (statement) =>
          ts.isImportDeclaration(statement) &&
          statement.importClause?.namedBindings &&
          ts.isNamedImports(statement.importClause.namedBindings) &&
          statement.importClause.namedBindings.elements.some((element) => element.name.text === className),
      );
      const specifier = importedFrom?.moduleSpecifier.text;
      const module = specifier?.startsWith('.')
        ? posix.normalize(posix.join(posix.dirname(moduleDoc.path), specifier)).replace(/\.js$/, '.ts')
        : moduleDoc.path;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tagArgument.text, declaration: { name: className, module } },
      ];
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/react/**', 'src/**/*.test.ts', 'src/**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [omDefineCallsPlugin()],
};
