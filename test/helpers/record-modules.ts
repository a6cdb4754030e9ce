// Preloaded with --import: writes every module URL the process loads to $KUBEWARD_MODULES_OUT.
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const loaded: string[] = [];
registerHooks({
  load(url, context, nextLoad) {
    loaded.push(url);
    return nextLoad(url, context);
  },
});
process.on('exit', () => {
  const out = process.env.KUBEWARD_MODULES_OUT;
  if (out !== undefined) writeFileSync(out, loaded.join('\n'));
});
