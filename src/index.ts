/** The action's entry, as action.yml names it (bundled into dist/index.js). */
import { run } from './main.js';

await run();
