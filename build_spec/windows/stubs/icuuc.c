/* Build-machine stub for Wine 8.0, which lacks Windows 10's system ICU (icuuc.dll). Qt6Core imports these
   20 converter functions for codecs beyond its built-in UTF-8/16/32 and Latin-1; the stub offers none
   (ucnv_open fails), so Qt falls back to its built-ins. Never shipped: Windows 10 1703+ has the real one. */
#include <stddef.h>
#include <stdint.h>
typedef int UErrorCode;
#define FAIL(e) do { if ((e) && *(e) <= 0) *(e) = 16; /* U_UNSUPPORTED_ERROR */ } while (0)
#define X __declspec(dllexport)
X void *ucnv_open(const char *name, UErrorCode *e) { FAIL(e); return NULL; }
X void ucnv_close(void *c) {}
X void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
X void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
X void ucnv_reset(void *c) {}
X int8_t ucnv_getMaxCharSize(const void *c) { return 4; }
X const char *ucnv_getName(const void *c, UErrorCode *e) { FAIL(e); return ""; }
X void ucnv_getToUCallBack(const void *c, void **a, const void **ctx) { if (a) *a = NULL; if (ctx) *ctx = NULL; }
X void ucnv_getFromUCallBack(const void *c, void **a, const void **ctx) { if (a) *a = NULL; if (ctx) *ctx = NULL; }
X void ucnv_setToUCallBack(void *c, void *a, const void *ctx, void **oa, const void **octx, UErrorCode *e) { FAIL(e); }
X void ucnv_setFromUCallBack(void *c, void *a, const void *ctx, void **oa, const void **octx, UErrorCode *e) { FAIL(e); }
X void ucnv_cbToUWriteUChars(void *args, const void *s, int32_t len, int32_t off, UErrorCode *e) { FAIL(e); }
X void ucnv_cbFromUWriteUChars(void *args, const void **s, const void *l, int32_t off, UErrorCode *e) { FAIL(e); }
X void ucnv_toUnicode(void *c, void **t, const void *tl, const char **s, const char *sl, int32_t *o, int8_t f, UErrorCode *e) { FAIL(e); }
X void ucnv_fromUnicode(void *c, char **t, const char *tl, const void **s, const void *sl, int32_t *o, int8_t f, UErrorCode *e) { FAIL(e); }
X int32_t ucnv_toUCountPending(const void *c, UErrorCode *e) { return 0; }
X int32_t ucnv_fromUCountPending(const void *c, UErrorCode *e) { return 0; }
X const char *ucnv_getStandardName(const char *n, const char *s, UErrorCode *e) { return NULL; }
X const char *ucnv_getAvailableName(int32_t n) { return NULL; }
X int32_t ucnv_countAvailable(void) { return 0; }
