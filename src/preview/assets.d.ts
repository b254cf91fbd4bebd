// A workbook imported by the offline page's build: webpack inlines it as a base64 data: URL.
declare module "*.xlsx" {
  const dataUrl: string;
  export default dataUrl;
}
