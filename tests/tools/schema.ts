// The add-in manifest's XML schemas for xmllint: Microsoft's files in ../shared/schemas, which predate the
// shared runtime, with <Runtimes> added to the task pane VersionOverrides' Host as Microsoft's current schema
// has it. [MS-OWEMXML] "Host": <xs:sequence> of Runtimes (0..1) then AllFormFactors (0..1); "Runtimes": one or
// more Runtime; the Runtime element's reference (learn.microsoft.com/javascript/api/manifest/runtime): a
// required resid naming a <bt:Url>, an optional lifetime "short" (the default) or "long", an optional child
// Override. The copy is made in a temporary folder; the shared files are never changed.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const SHARED_SCHEMAS = path.join(__dirname, "..", "..", "..", "shared", "schemas", "office-addin-manifest");

const HOST_BEFORE = /(<xs:complexType name="Host" abstract="true">[\s\S]*?<xs:sequence>)(\s*<xs:element name="AllFormFactors")/;

const RUNTIME_TYPES = `
  <xs:complexType name="Runtimes">
    <xs:sequence minOccurs="1" maxOccurs="unbounded">
      <xs:element name="Runtime" type="Runtime"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="Runtime">
    <xs:sequence>
      <xs:any minOccurs="0" maxOccurs="1" namespace="##targetNamespace" processContents="lax"/>
    </xs:sequence>
    <xs:attribute name="resid" type="bt:ReferenceId" use="required"/>
    <xs:attribute name="lifetime" use="optional" default="short">
      <xs:simpleType>
        <xs:restriction base="xs:string">
          <xs:enumeration value="short"/>
          <xs:enumeration value="long"/>
        </xs:restriction>
      </xs:simpleType>
    </xs:attribute>
  </xs:complexType>
</xs:schema>`;

/** A folder with the schemas and <Runtimes> added; returns the path of OfficeAppManifestV1_1.xsd in it. */
export function schemaWithRuntimes(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-xsd-"));
  for (const f of fs.readdirSync(SHARED_SCHEMAS)) fs.copyFileSync(path.join(SHARED_SCHEMAS, f), path.join(dir, f));
  const file = path.join(dir, "TaskPaneAppVersionOverridesV1_0.xsd");
  fs.chmodSync(file, 0o644);
  const xsd = fs.readFileSync(file, "utf8");
  if (!HOST_BEFORE.test(xsd) || !xsd.trimEnd().endsWith("</xs:schema>")) throw new Error("TaskPaneAppVersionOverridesV1_0.xsd is not the one this patch was made for");
  const patched = xsd
    .replace(HOST_BEFORE, '$1\n      <xs:element name="Runtimes" type="Runtimes" minOccurs="0" maxOccurs="1"/>$2')
    .trimEnd()
    .replace(/<\/xs:schema>$/, RUNTIME_TYPES);
  fs.writeFileSync(file, patched);
  return path.join(dir, "OfficeAppManifestV1_1.xsd");
}
