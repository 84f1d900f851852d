// Stands in for `got` inside electronegativity (scripts/electronSecurity.ts): its translation
// lookup fails at once, as it does offline, and the scan goes on with the bundled English texts.
'use strict';

const offline = () => Promise.reject(new Error('the security review runs offline'));
module.exports = Object.assign(offline, { head: offline, default: offline });
