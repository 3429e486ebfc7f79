// Stridelab's glue, loaded on every page. It runs once the page is parsed, before Material's own
// start-up: calculators are bound (and Python started) without waiting for Material's DOMContentLoaded
// work. Material's document$ emits the page again after that, and on instant navigation if it is ever
// turned on: widgets are bound again for each new page, not twice for the first.

import { bindCalculators } from "./calculators.js";
import { bindDrawer } from "./drawer.js";
import { showStoreProblems } from "./notices.js";
import { startOffline } from "./offline.js";
import { bindTableRegions } from "./table_regions.js";

showStoreProblems();
startOffline();
bindCalculators();
bindTableRegions();
bindDrawer(); // after the calculators, whose worker should start as early as it can
let first = true; // document$'s first page is this one, bound above
window.document$?.subscribe(() => {
  if (!first) {
    bindCalculators();
    bindTableRegions();
  }
  first = false;
});
