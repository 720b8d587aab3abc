/** The media type and download header of the module's Excel files, shared by its route files. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `Content-Disposition` with an ASCII fallback name and the real (Chinese) name for browsers that read RFC 6266. */
export const disposition = (ascii: string, name: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
