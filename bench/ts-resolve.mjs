// Lets plain Node run src/ as TypeScript: its relative imports say `.js` (as the bundler and tsc
// want), and the file on disk is `.ts`. Jest does the same with its moduleNameMapper.
import { registerHooks } from 'node:module'

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context)
    } catch (error) {
      if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !/^\.\.?\/.*\.js$/.test(specifier)) throw error
      return nextResolve(specifier.replace(/\.js$/, '.ts'), context)
    }
  }
})
