/** The evaluation routes' Excel media type and download header: the API's one definition. */
export { XLSX, disposition } from '../../http/xlsx.ts';
