/* Optional build-machine stub for Wine 8.0, whose mscms.dll lacks WcsCreateIccProfile (Qt's qwindows.dll
   imports it to read the monitor's colour profile). Offers no profile, so Qt assumes sRGB. Used only to show
   the real window (qwindows platform) under Xvfb; never shipped. */
#include <windows.h>
#define X __declspec(dllexport)
X HANDLE WINAPI OpenColorProfileW(void *profile, DWORD access, DWORD share, DWORD creation) { SetLastError(ERROR_NOT_SUPPORTED); return NULL; }
X BOOL WINAPI CloseColorProfile(HANDLE p) { return TRUE; }
X BOOL WINAPI GetColorProfileFromHandle(HANDLE p, PBYTE buf, PDWORD size) { SetLastError(ERROR_NOT_SUPPORTED); return FALSE; }
X HANDLE WINAPI WcsCreateIccProfile(HANDLE p, DWORD options) { SetLastError(ERROR_NOT_SUPPORTED); return NULL; }
