// What other modules and the wiring use from the privacy module (issue 11: Québec's Law 25 in the
// product). Filled as its use cases arrive; other modules import from here only.
export {};
