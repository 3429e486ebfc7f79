// Stridelab's glue, loaded on every page. Material's document$ emits on every page load (and on
// instant navigation, if it is ever turned on), so widgets are bound again for each new page.

import { bindCalculators } from "./calculators.js";
import { showStoreProblems } from "./notices.js";
import { startOffline } from "./offline.js";

showStoreProblems();
startOffline();
if (window.document$) window.document$.subscribe(() => bindCalculators());
else bindCalculators();
