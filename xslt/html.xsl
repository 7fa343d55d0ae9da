<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet of the HTML edition: output, typed parameters, the modules.

  Two kinds of input: a TEI document (one page of the edition) or the volume
  summary the renderer builds (urn:tei-edition:index, the table of contents).
  Numbering and ids come from the TEI (@n, @xml:id); nothing is counted here.
  Nothing taken from the input is ever used to read a file or a URL: no
  document(), doc(), unparsed-text() or collection() on input values.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="urn:tei-edition:functions"
    xmlns:ix="urn:tei-edition:index"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    expand-text="yes"
    exclude-result-prefixes="#all">

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- Page language when the TEI has no @xml:lang. -->
  <xsl:param name="lang" as="xs:string" select="'en'"/>
  <!-- Shared assets, relative to the page. -->
  <xsl:param name="css-href" as="xs:string" select="'edition.css'"/>
  <xsl:param name="js-href" as="xs:string?" select="'edition.js'"/>
  <!-- Volume navigation; an empty sequence leaves the link out. -->
  <xsl:param name="volume-title" as="xs:string?" select="()"/>
  <xsl:param name="index-href" as="xs:string?" select="()"/>
  <xsl:param name="prev-href" as="xs:string?" select="()"/>
  <xsl:param name="prev-label" as="xs:string?" select="()"/>
  <xsl:param name="next-href" as="xs:string?" select="()"/>
  <xsl:param name="next-label" as="xs:string?" select="()"/>
  <!-- Cross-references to other documents of the volume: "{id}{suffix}". -->
  <xsl:param name="document-suffix" as="xs:string" select="'.html'"/>
  <!-- Prepended to relative pb/@facs (FRUS writes bare image names such as "0585"). -->
  <xsl:param name="facs-base" as="xs:string" select="''"/>
  <!-- Where references to other FRUS volumes ("frus1961-63v22#d318") point. -->
  <xsl:param name="volumes-base" as="xs:string" select="'https://history.state.gov/historicaldocuments/'"/>
  <!-- Show page-break markers (they keep their anchors either way). -->
  <xsl:param name="show-page-breaks" as="xs:boolean" select="true()"/>

  <xsl:include href="html/functions.xsl"/>
  <xsl:include href="html/page.xsl"/>
  <xsl:include href="html/metadata.xsl"/>
  <xsl:include href="html/structure.xsl"/>
  <xsl:include href="html/inline.xsl"/>
  <xsl:include href="html/notes.xsl"/>
  <xsl:include href="html/pages.xsl"/>
  <xsl:include href="html/links.xsl"/>
  <xsl:include href="html/index.xsl"/>

  <!-- Body content: every element has a rule; the fallback in inline.xsl renders
       unknown ones as their content and marks them for the warning. -->
  <xsl:mode on-no-match="fail"/>
  <!-- The header panel. -->
  <xsl:mode name="metadata" on-no-match="fail"/>
  <!-- The footnote list at the foot of the page. -->
  <xsl:mode name="footnotes" on-no-match="fail"/>
  <!-- Plain text of a heading for <title> and the contents (notes left out). -->
  <xsl:mode name="plain" on-no-match="text-only-copy"/>
  <!-- Table-of-contents entries of the volume index. -->
  <xsl:mode name="toc" on-no-match="fail"/>

</xsl:stylesheet>
