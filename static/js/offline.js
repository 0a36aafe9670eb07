// The offline page: whatever was being sent did not arrive, so the draft it came from stays
// (js/app.js would otherwise clear it on the next page).
try { sessionStorage.removeItem("trustapp-sent"); } catch (e) { /* nothing was kept */ }
