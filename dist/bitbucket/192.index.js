export const id = 192;
export const ids = [192];
export const modules = {

/***/ 6192:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   writeReportFiles: () => (/* binding */ writeReportFiles)
/* harmony export */ });
/* harmony import */ var _render_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4931);
/* harmony import */ var _render_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1359);
/* harmony import */ var _render_sarif_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9152);
/**
 * The report files a run can leave behind (`output-json`, `sarif`, `summary-markdown`), written through an
 * injected writer so that every packaging writes them the same way.
 */



/** Write every report file asked for; returns what was written, as `{ kind, path }`. */
async function writeReportFiles(result, settings, write) {
    const written = [];
    if (settings.outputJson) {
        await write(settings.outputJson, (0,_render_json_js__WEBPACK_IMPORTED_MODULE_0__/* .renderJson */ .hF)(result));
        written.push({ kind: 'json', path: settings.outputJson });
    }
    if (settings.sarif) {
        await write(settings.sarif, (0,_render_json_js__WEBPACK_IMPORTED_MODULE_0__/* .reportFileText */ .oA)((0,_render_sarif_js__WEBPACK_IMPORTED_MODULE_2__/* .renderSarif */ .WH)(result)));
        written.push({ kind: 'sarif', path: settings.sarif });
    }
    if (settings.summaryMarkdown) {
        const markdown = (0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .renderMarkdown */ .Gc)(result, {
            flavour: 'summary',
            maxFindings: settings.maxFindings,
            ...(settings.jobUrl ? { jobUrl: settings.jobUrl } : {}),
            ...(settings.reportHost ? { codeHost: settings.reportHost } : {}),
        });
        await write(settings.summaryMarkdown, markdown);
        written.push({ kind: 'summary-markdown', path: settings.summaryMarkdown });
    }
    return written;
}


/***/ })

};
