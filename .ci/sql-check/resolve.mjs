// dt-sql-parser's ES modules import directories and extension-less paths (`./parser`), which Node's ESM resolver
// refuses; its README has them bundled. This resolve hook does what a bundler does instead: a specifier that fails is
// tried again as `<specifier>.js` and `<specifier>/index.js`.
import { register } from 'node:module';

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (!specifier.startsWith('.') || !['ERR_UNSUPPORTED_DIR_IMPORT', 'ERR_MODULE_NOT_FOUND'].includes(error.code)) {
      throw error;
    }

    for (const candidate of [`${specifier}.js`, `${specifier}/index.js`]) {
      try {
        return await nextResolve(candidate, context);
      } catch {
        // try the next form
      }
    }

    throw error;
  }
}

if (!process.env.SHAPOTOU_SQL_CHECK_HOOKED) {
  process.env.SHAPOTOU_SQL_CHECK_HOOKED = '1';
  register('./resolve.mjs', import.meta.url);
}
