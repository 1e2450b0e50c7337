"""Word and OpenDocument packages built in tests from raw XML, the way Word and LibreOffice
write them (namespaces, `mc:Ignorable`, revision ids, styles by id), so each quirk a reader
must survive is spelt out in the test that needs it.
"""
from __future__ import annotations

import io
import zipfile

W_NAMESPACES = {
    "wpc": "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "o": "urn:schemas-microsoft-com:office:office",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "v": "urn:schemas-microsoft-com:vml",
    "wp14": "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "w10": "urn:schemas-microsoft-com:office:word",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "w15": "http://schemas.microsoft.com/office/word/2012/wordml",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
}
W_DECLARATIONS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in W_NAMESPACES.items())
IGNORABLE = 'mc:Ignorable="w14 w15 wp14"'
HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# Styles as Ukrainian Word writes them: built-in names in English, ids localized ("1" is
# Heading 1), outline levels on the heading styles, a bold Heading 1.
WORD_STYLES = f"""<w:styles {W_DECLARATIONS} {IGNORABLE}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi"/><w:sz w:val="22"/>
<w:lang w:val="uk-UA" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>
<w:next w:val="a"/><w:link w:val="10"/><w:uiPriority w:val="9"/><w:qFormat/><w:rsid w:val="00A1B2C3"/>
<w:pPr><w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="0"/></w:pPr>
<w:rPr><w:b/><w:bCs/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/>
<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="a5"><w:name w:val="Мій заголовок"/>
<w:basedOn w:val="2"/><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="a6"><w:name w:val="Заголовок 3"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="a7"><w:name w:val="Title"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="a8"><w:name w:val="List Bullet"/><w:basedOn w:val="a"/>
<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="a9"><w:name w:val="caption"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="11"><w:name w:val="toc 1"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="aa"><w:name w:val="footnote text"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="character" w:default="1" w:styleId="ab"><w:name w:val="Default Paragraph Font"/></w:style>
<w:style w:type="character" w:styleId="ac"><w:name w:val="Strong"/><w:basedOn w:val="ab"/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="character" w:styleId="ad"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="ae"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="af"><w:name w:val="Прихований"/><w:rPr><w:vanish/></w:rPr></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="10"><w:name w:val="Заголовок 1 Знак"/><w:link w:val="1"/><w:rPr><w:b/></w:rPr></w:style>
</w:styles>"""


def document_xml(body: str) -> str:
    return (f"{HEADER}<w:document {W_DECLARATIONS} {IGNORABLE}><w:body>{body}"
            '<w:sectPr w:rsidR="00A1B2C3"><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'
            "</w:body></w:document>")


def notes_xml(kind: str, notes: dict[str, str]) -> str:
    """Footnotes or endnotes part with Word's separator notes (ids -1 and 0) first."""
    separators = (f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
                  f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
                  f"<w:continuationSeparator/></w:r></w:p></w:{kind}>")
    reference = "footnoteRef" if kind == "footnote" else "endnoteRef"
    bodies = "".join(
        f'<w:{kind} w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="aa"/></w:pPr>'
        f'<w:r><w:rPr><w:rStyle w:val="ae"/></w:rPr><w:{reference}/></w:r>'
        f'<w:r><w:t xml:space="preserve"> </w:t></w:r>{content}</w:p></w:{kind}>'
        for note_id, content in notes.items())
    return f"{HEADER}<w:{kind}s {W_DECLARATIONS} {IGNORABLE}>{separators}{bodies}</w:{kind}s>"


def docx_package(
    body: str,
    *,
    styles: str | None = WORD_STYLES,
    footnotes: dict[str, str] | None = None,
    endnotes: dict[str, str] | None = None,
    hyperlinks: dict[str, str] | None = None,
    comments: str | None = None,
    document: str | None = None,
    related: dict[str, tuple[str, str]] | None = None,
) -> bytes:
    """A .docx: `body` is the content of `w:body` (or `document` the whole main part);
    `related` adds parts related to it: {relationship id: (type, XML)}, as word/<type>N.xml."""
    parts: dict[str, str] = {"word/document.xml": document or document_xml(body)}
    rels = [("rIdStyles", "styles", "styles.xml")] if styles is not None else []
    for number, (rid, (kind, xml)) in enumerate((related or {}).items(), 1):
        parts[f"word/{kind}{number}.xml"] = xml
        rels.append((rid, kind, f"{kind}{number}.xml"))
    if styles is not None:
        parts["word/styles.xml"] = HEADER + styles
    for kind, notes in (("footnote", footnotes), ("endnote", endnotes)):
        if notes is not None:
            parts[f"word/{kind}s.xml"] = notes_xml(kind, notes)
            rels.append((f"rId{kind}", f"{kind}s", f"{kind}s.xml"))
    if comments is not None:
        parts["word/comments.xml"] = (f"{HEADER}<w:comments {W_DECLARATIONS}><w:comment w:id=\"0\" "
                                      f'w:author="Редактор"><w:p><w:r><w:t>{comments}</w:t></w:r></w:p>'
                                      "</w:comment></w:comments>")
        rels.append(("rIdComments", "comments", "comments.xml"))
    links = "".join(f'<Relationship Id="{rid}" Type="{REL}/hyperlink" Target="{url}" TargetMode="External"/>'
                    for rid, url in (hyperlinks or {}).items())
    parts["word/_rels/document.xml.rels"] = (
        f'{HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="{rid}" Type="{REL}/{kind}" Target="{target}"/>' for rid, kind, target in rels)
        + links + "</Relationships>")
    parts["_rels/.rels"] = (
        f'{HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>')
    parts["[Content_Types].xml"] = (
        f'{HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.document.main+xml"/></Types>')
    return zip_parts({name: text.encode("utf-8") for name, text in parts.items()})


def zip_parts(parts: dict[str, bytes], *, first: tuple[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if first is not None:  # OpenDocument: "mimetype" first and stored
            archive.writestr(zipfile.ZipInfo(first[0]), first[1], compress_type=zipfile.ZIP_STORED)
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def para(*runs: str, style: str | None = None, ppr: str = "", rsid: str = "00A1B2C3") -> str:
    """A `w:p` as Word writes it (revision ids, paragraph ids); runs given as raw XML."""
    properties = f'<w:pStyle w:val="{style}"/>' if style else ""
    return (f'<w:p w:rsidR="{rsid}" w:rsidRDefault="{rsid}" w14:paraId="1A2B3C4D" '
            f'w14:textId="77777777"><w:pPr>{properties}{ppr}</w:pPr>{"".join(runs)}</w:p>')


def run(text: str, rpr: str = "", rsid: str = "00A1B2C3") -> str:
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<w:r w:rsidRPr="{rsid}"><w:rPr>{rpr}</w:rPr><w:t{space}>{text}</w:t></w:r>'


# OpenDocument

ODF_NAMESPACES = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "dc": "http://purl.org/dc/elements/1.1/",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
}
ODF_DECLARATIONS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in ODF_NAMESPACES.items())
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# Named styles as LibreOffice writes them (Heading_20_1 with an outline level, a bold
# Strong_20_Emphasis text style, Caption and its child Illustration).
ODT_STYLES = f"""<office:document-styles {ODF_DECLARATIONS} office:version="1.3"><office:styles>
<style:default-style style:family="paragraph"><style:text-properties fo:language="uk" fo:country="UA"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
 style:parent-style-name="Heading" style:default-outline-level="1"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
 style:parent-style-name="Heading" style:default-outline-level="2"/>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading"/>
<style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Illustration" style:family="paragraph" style:parent-style-name="Caption"/>
<style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text">
<style:text-properties fo:font-weight="bold"/></style:style>
</office:styles></office:document-styles>"""


def odt_content(body: str, automatic_styles: str = "") -> str:
    return (f'{HEADER}<office:document-content {ODF_DECLARATIONS} office:version="1.3">'
            f"<office:automatic-styles>{automatic_styles}</office:automatic-styles>"
            "<office:body><office:text>"
            '<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/>'
            f"</text:sequence-decls>{body}</office:text></office:body></office:document-content>")


def odt_package(body: str, automatic_styles: str = "", *, styles: str = ODT_STYLES,
                manifest: str | None = None) -> bytes:
    manifest = manifest or (
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    parts = {"content.xml": odt_content(body, automatic_styles).encode("utf-8"),
             "styles.xml": (HEADER + styles).encode("utf-8"),
             "META-INF/manifest.xml": (HEADER + manifest).encode("utf-8")}
    return zip_parts(parts, first=("mimetype", ODT_MIMETYPE))


def compound_file(stream_name: str, data: bytes = b"\0" * 4096) -> bytes:
    """A minimal OLE2 compound file (CFB v3) holding one stream, as a legacy .doc holds its
    "WordDocument" stream: header, one FAT sector, one directory sector, the stream."""
    import struct

    sector = 512
    data = data.ljust(4096, b"\0")  # at the mini-stream cutoff: stored in regular sectors
    count = len(data) // sector
    end, free, fat_sector = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    header = struct.pack("<8s16sHHHHH6sIIIIIIIII", bytes.fromhex("d0cf11e0a1b11ae1"), b"\0" * 16,
                         0x3E, 3, 0xFFFE, 9, 6, b"\0" * 6, 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<109I", 0, *([free] * 108))
    fat = [fat_sector, end] + [2 + i + 1 for i in range(count - 1)] + [end]
    fat_bytes = struct.pack(f"<{sector // 4}I", *(fat + [free] * (sector // 4 - len(fat))))

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return struct.pack("<64sHBBIII16sIQQIQ", encoded, len(encoded), kind, 1, free, free, child,
                           b"\0" * 16, 0, 0, 0, start, size)

    directory = (entry("Root Entry", 5, 1, end, 0) + entry(stream_name, 2, free, 2, len(data))
                 + entry("", 0, free, 0, 0) * 2)
    return header + fat_bytes + directory + data
