// The layer rules of docs/architecture.md, "Layers", as a local ESLint plugin (the idea of VS
// Code's `.eslint-plugin-local/code-layering.ts`). Two rules:
//
// - `layers/imports`: every import, export-from, dynamic `import()`, `require()` and TypeScript
//   `import x = require()` / `import('x')` type is resolved — relative specifiers to the file
//   they name (so `./../platform/x` and `../../core/../platform/x` are the same path), bare
//   ones to their package name — and checked against the allow-list of the importing file's
//   folder. Anything the allow-list does not name is an error, and so is a specifier that
//   cannot be resolved without running the code (a computed `import(x)`).
// - `layers/pure`: in the "common" layer, no reading of the clock or of randomness however it
//   is spelled (`Date()`, `globalThis.Date.now()`, `const { now } = Date`, …).
//
// The layer map itself is data, in eslint.config.js; test/lint/layers.test.ts lints virtual
// files through the real config, and checks that the docs table is that map.
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEE = 'See docs/architecture.md, "Layers".';
// Builtins that exist only with the `node:` prefix.
const PREFIX_ONLY_BUILTINS = new Set(['test', 'sqlite', 'sea', 'test/reporters']);
const BUILTINS = new Set(builtinModules);
const CODE_EXTENSION = /\.(?:[cm]?[jt]s|tsx|jsx)$/;

/**
 * What a specifier names, without reading the disk (virtual files in tests have no disk).
 * @returns {{ kind: 'node', name: string } | { kind: 'package', name: string }
 *   | { kind: 'path', path: string } | { kind: 'unknown', why: string }}
 */
export function resolveSpecifier(specifier, fromFile, root) {
  const spec = specifier.replace(/\?.*$/, ''); // vite's `?url`, `?raw`, `?inline`
  if (spec.startsWith('node:')) {
    const name = spec.slice(5);
    const top = name.split('/')[0];
    return BUILTINS.has(top) || PREFIX_ONLY_BUILTINS.has(name)
      ? { kind: 'node', name: top }
      : { kind: 'unknown', why: `no Node builtin is called "${spec}"` };
  }
  let absolute = null;
  if (spec.startsWith('.') || spec.startsWith('/')) absolute = resolve(dirname(fromFile), spec);
  else if (spec.startsWith('file:')) {
    try {
      absolute = fileURLToPath(spec);
    } catch {
      return { kind: 'unknown', why: 'not a file URL' };
    }
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(spec)) return { kind: 'unknown', why: 'a URL, not a module' };
  else if (spec.startsWith('#')) return { kind: 'unknown', why: 'a package.json "imports" alias' };
  if (absolute !== null) {
    const inRepo = relative(root, absolute).split(sep).join('/');
    if (inRepo === '') return { kind: 'unknown', why: 'the repository root, not a module' };
    if (inRepo.startsWith('../') || inRepo === '..' || isAbsolute(inRepo)) {
      return { kind: 'unknown', why: 'outside the repository' };
    }
    const modules = inRepo.lastIndexOf('node_modules/');
    if (modules >= 0) return packageOf(inRepo.slice(modules + 'node_modules/'.length));
    return { kind: 'path', path: inRepo };
  }
  const top = spec.split('/')[0];
  if (BUILTINS.has(top) && !top.startsWith('_')) return { kind: 'node', name: top };
  return packageOf(spec);
}

function packageOf(spec) {
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  if (!/^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(name) || (spec.startsWith('@') && parts.length < 2)) {
    return { kind: 'unknown', why: 'not a package name' };
  }
  return { kind: 'package', name };
}

/** The layer a file belongs to: the first whose folders hold it (root files: `rootFiles`). */
function layerOf(file, root, layers) {
  const inRepo = relative(root, file).split(sep).join('/');
  if (inRepo.startsWith('../') || isAbsolute(inRepo)) return { inRepo, layer: null };
  if (!inRepo.includes('/')) return { inRepo, layer: layers.find((l) => l.rootFiles) ?? null, where: 'a root file' };
  for (const layer of layers) {
    const folder = layer.folders.find((f) => inRepo.startsWith(f));
    if (folder) return { inRepo, layer, where: folder };
  }
  return { inRepo, layer: null };
}

function packageAllowed(name, may) {
  if (may.anyPackageExcept) return !may.anyPackageExcept.includes(name);
  return (may.packages ?? []).some((p) => (p.endsWith('/*') ? name.startsWith(p.slice(0, -1)) : p === name));
}

/** A folder entry 'x/' holds `x` itself too (a directory import: its index file). */
const inFolder = (path, folder) => path.startsWith(folder) || path === folder.slice(0, -1);

function pathAllowed(path, may) {
  if (may.anyPathExcept) return !may.anyPathExcept.some((f) => inFolder(path, f));
  const file = path.replace(CODE_EXTENSION, '');
  return (may.paths ?? []).some((p) => (p.endsWith('/') ? inFolder(path, p) : p === file));
}

function nodeAllowed(name, may) {
  return may.node === 'all' || (may.node === true && name !== 'module');
}

function describe(target) {
  if (target.kind === 'node') return `the Node builtin "${target.name}"`;
  if (target.kind === 'package') return `the package "${target.name}"`;
  return `"${target.path}"`;
}

const layerSchema = {
  type: 'object',
  properties: {
    root: { type: 'string' },
    layers: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          folders: { type: 'array', items: { type: 'string' } },
          rootFiles: { type: 'boolean' },
          runsIn: { type: 'string' },
          pure: { type: 'boolean' },
          may: {
            type: 'object',
            properties: {
              node: { enum: [false, true, 'all'] },
              packages: { type: 'array', items: { type: 'string' } },
              names: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
              anyPackageExcept: { type: 'array', items: { type: 'string' } },
              paths: { type: 'array', items: { type: 'string' } },
              anyPathExcept: { type: 'array', items: { type: 'string' } },
            },
            additionalProperties: false,
          },
        },
        required: ['folders', 'may'],
        additionalProperties: false,
      },
    },
  },
  required: ['root', 'layers'],
  additionalProperties: false,
};

/** A string the parser already knows: a literal, or a template without `${}`. */
function staticString(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return null;
}

/** The names an import or export-from takes, or null when it takes the whole module. */
function takenNames(node) {
  if (node.type === 'ImportDeclaration') {
    if (node.specifiers.length === 0) return [];
    if (node.specifiers.some((s) => s.type !== 'ImportSpecifier')) return null;
    return node.specifiers.map((s) => staticName(s.imported));
  }
  if (node.type === 'ExportNamedDeclaration') return node.specifiers.map((s) => staticName(s.local));
  return null;
}

function staticName(node) {
  return node.type === 'Identifier' ? node.name : String(node.value);
}

const imports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only what its layer allows (docs/architecture.md, "Layers")' },
    schema: [layerSchema],
    messages: {
      noLayer: `"{{file}}" is in no layer: add its folder to the layer map in eslint.config.js and docs/architecture.md. ${SEE}`,
      notAllowed: `{{layer}} may not import {{target}} ("{{specifier}}"). ${SEE}`,
      notNamed: `{{layer}} may take only {{names}} from "{{specifier}}", as named imports. ${SEE}`,
      unknown: `{{layer}} may not import "{{specifier}}": {{why}}. ${SEE}`,
      dynamic: `{{layer}}: a computed module specifier cannot be checked against the layer map; write it as a string. ${SEE}`,
      requireValue: `{{layer}}: "{{name}}" used other than as {{name}}('…') loads modules the layer map cannot check. ${SEE}`,
    },
  },
  create(context) {
    const [{ root, layers }] = context.options;
    const { inRepo, layer, where } = layerOf(context.filename, root, layers);
    if (!layer) {
      return {
        Program(node) {
          context.report({ node, messageId: 'noLayer', data: { file: inRepo } });
        },
      };
    }
    const may = layer.may;
    const layerName = where;

    /** `node` is the whole statement or call (for named-import checks), `source` the specifier node. */
    function check(node, source) {
      const specifier = staticString(source);
      if (specifier === null) {
        context.report({ node: source ?? node, messageId: 'dynamic', data: { layer: layerName } });
        return;
      }
      const target = resolveSpecifier(specifier, context.filename, root);
      const report = (messageId, data = {}) =>
        context.report({ node: source, messageId, data: { layer: layerName, specifier, target: describe(target), ...data } });
      if (target.kind === 'unknown') return report('unknown', { why: target.why });
      const allowed =
        target.kind === 'node'
          ? nodeAllowed(target.name, may)
          : target.kind === 'package'
            ? packageAllowed(target.name, may)
            : pathAllowed(target.path, may);
      if (!allowed) return report('notAllowed');
      const names = target.kind === 'package' ? may.names?.[target.name] : undefined;
      if (names) {
        const taken = takenNames(node);
        if (taken === null || taken.some((n) => !names.includes(n))) report('notNamed', { names: names.join(', ') });
      }
    }

    const isRequireCall = (callee) =>
      (callee.type === 'Identifier' && callee.name === 'require') ||
      (callee.type === 'MemberExpression' && !callee.computed && callee.property.name === 'require') ||
      // createRequire(import.meta.url)('x')
      (callee.type === 'CallExpression' && isCreateRequire(callee.callee));
    const isCreateRequire = (callee) =>
      (callee.type === 'Identifier' && callee.name === 'createRequire') ||
      (callee.type === 'MemberExpression' && !callee.computed && callee.property.name === 'createRequire');
    // Functions made by createRequire, under whatever name they are bound to.
    const requireFunctions = new Set();

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' && check(node, node.moduleReference.expression),
      TSImportType: (node) => {
        // typescript-eslint 8 names the specifier `source`; `argument` is its deprecated alias.
        const specifier = 'source' in node ? node.source : node.argument;
        check(node, specifier?.type === 'TSLiteralType' ? specifier.literal : specifier);
      },
      VariableDeclarator(node) {
        if (node.id.type !== 'Identifier' || node.init?.type !== 'CallExpression' || !isCreateRequire(node.init.callee)) return;
        const [variable] = context.sourceCode.getDeclaredVariables(node);
        if (variable) requireFunctions.add(variable);
      },
      CallExpression(node) {
        if (isRequireCall(node.callee)) check(node, node.arguments[0]);
      },
      'Program:exit'(program) {
        // A `require` (or a createRequire function) that is not called with a string right
        // there — passed around, aliased, `.call`ed — loads a module this rule cannot see.
        const seen = new Set();
        const scopes = [context.sourceCode.getScope(program)];
        while (scopes.length > 0) {
          const scope = scopes.pop();
          scopes.push(...scope.childScopes);
          for (const ref of scope.references) {
            const id = ref.identifier;
            const variable = ref.resolved;
            const isRequire = (id.name === 'require' && !variable?.defs.length) || (variable && requireFunctions.has(variable));
            if (!isRequire || ref.isWrite() || seen.has(id)) continue;
            seen.add(id);
            const parent = id.parent;
            if (parent.type === 'CallExpression' && parent.callee === id) {
              if (id.name !== 'require') check(parent, parent.arguments[0]); // the require call itself is checked above
              continue;
            }
            const resolving = parent.type === 'MemberExpression' && parent.object === id && !parent.computed && parent.property.name === 'resolve';
            if (!resolving) context.report({ node: id, messageId: 'requireValue', data: { layer: layerName, name: id.name } });
          }
        }
      },
    };
  },
};

// The common layer's purity. Globals it may not touch at all: the clock, randomness and the
// machine (performance, crypto, process, Intl's locale and "now"), I/O and scheduling, and the
// ways round a name check (the global object, code from strings, `.constructor`).
const BANNED_GLOBALS = {
  performance: 'reads the clock',
  crypto: 'reads randomness',
  process: 'reads the machine (clock, environment)',
  Intl: 'reads the machine’s locale and formats "now" when given no date',
  Temporal: 'reads the clock (Temporal.Now)',
  fetch: 'is I/O',
  setTimeout: 'schedules on the clock',
  setInterval: 'schedules on the clock',
  setImmediate: 'schedules work',
  queueMicrotask: 'schedules work',
  globalThis: 'reaches any global round this rule',
  global: 'reaches any global round this rule',
  window: 'reaches any global round this rule',
  self: 'reaches any global round this rule',
  eval: 'runs code this rule cannot see',
  Function: 'runs code this rule cannot see',
};
const TYPE_ONLY_PARENTS = new Set(['TSTypeReference', 'TSInterfaceHeritage', 'TSClassImplements', 'TSTypeQuery', 'TSQualifiedName']);

function propertyName(member) {
  if (!member.computed) return member.property.name;
  return staticString(member.property);
}

const pure = {
  meta: {
    type: 'problem',
    docs: { description: 'The common layer takes time and randomness as arguments (docs/architecture.md, "Layers")' },
    schema: [],
    messages: {
      banned: `"{{name}}" {{why}}; core/ and electron/contract/ take time and randomness as arguments. ${SEE}`,
      date: `Only new Date(value), Date.UTC, Date.parse and instanceof Date here: anything else can read the clock; time is an argument. ${SEE}`,
      random: `Math.random (or Math used as a value) reads randomness; randomness is an argument here. ${SEE}`,
      constructor: `".constructor" reaches the Function constructor round this rule. ${SEE}`,
    },
  },
  create(context) {
    function dateUseIsPure(id) {
      const parent = id.parent;
      if (parent.type === 'NewExpression' && parent.callee === id) {
        return parent.arguments.length > 0 && parent.arguments.every((a) => a.type !== 'SpreadElement');
      }
      if (parent.type === 'MemberExpression' && parent.object === id) return ['UTC', 'parse'].includes(propertyName(parent));
      return parent.type === 'BinaryExpression' && parent.operator === 'instanceof' && parent.right === id;
    }
    function mathUseIsPure(id) {
      const parent = id.parent;
      if (parent.type !== 'MemberExpression' || parent.object !== id) return false;
      const name = propertyName(parent);
      return name !== null && name !== 'random';
    }
    function checkReference(ref) {
      const id = ref.identifier;
      if (TYPE_ONLY_PARENTS.has(id.parent.type) || ref.isValueReference === false) return;
      const name = id.name;
      if (name === 'Date') {
        if (!dateUseIsPure(id)) context.report({ node: id.parent, messageId: 'date' });
      } else if (name === 'Math') {
        if (!mathUseIsPure(id)) context.report({ node: id.parent, messageId: 'random' });
      } else if (Object.hasOwn(BANNED_GLOBALS, name)) {
        context.report({ node: id, messageId: 'banned', data: { name, why: BANNED_GLOBALS[name] } });
      }
    }
    return {
      Program(node) {
        const scope = context.sourceCode.getScope(node);
        // Globals the config or TypeScript's lib declare, and globals declared nowhere.
        for (const variable of scope.variables) if (variable.defs.length === 0) variable.references.forEach(checkReference);
        scope.through.forEach(checkReference);
      },
      MemberExpression(node) {
        if (propertyName(node) === 'constructor') context.report({ node: node.property, messageId: 'constructor' });
      },
    };
  },
};

export default { meta: { name: 'layers' }, rules: { imports, pure } };
