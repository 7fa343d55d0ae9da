<?xml version="1.0" encoding="UTF-8"?>
<!--
  The document page: <html> shell, volume navigation, heading, header panel,
  text, footnotes. One TEI document in, one page out.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="urn:tei-edition:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    expand-text="yes"
    exclude-result-prefixes="#all">

  <!-- A TEI document: the whole HTML page. -->
  <xsl:template match="document-node(element(TEI))">
    <xsl:variable name="tei" select="TEI" as="element(TEI)"/>
    <!-- The FRUS document division; any other TEI renders its whole body. -->
    <xsl:variable name="doc" as="element()?" select="($tei/text/body//div[@type = 'document'])[1]"/>
    <xsl:variable name="main" as="element()?" select="($doc, $tei/text/body)[1]"/>
    <xsl:variable name="heading" as="xs:string" select="
      normalize-space(string-join((($main/head)[1] ! f:plain(.),
                                   $tei/teiHeader/fileDesc/titleStmt/title[@type = 'heading'],
                                   $tei/teiHeader/fileDesc/titleStmt/title)[normalize-space()][1]))"/>
    <html lang="{(($tei/@xml:lang, $tei/text/@xml:lang)[normalize-space()][1], $lang)[1]}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>{string-join(($heading, $volume-title)[normalize-space()], ' — ')}</title>
        <link rel="stylesheet" href="{$css-href}"/>
        <xsl:if test="exists($js-href)">
          <script src="{$js-href}" defer="defer"></script>
        </xsl:if>
      </head>
      <body>
        <xsl:call-template name="volume-nav"/>
        <main>
          <article class="document">
            <xsl:for-each select="$doc">
              <xsl:call-template name="f:id-attribute"/>
            </xsl:for-each>
            <!-- Heading (with what stands above it), the header panel, then the text. -->
            <xsl:variable name="head" as="element()?" select="($main/head)[1]"/>
            <xsl:apply-templates select="$main/node()[exists($head) and not(. >> $head)]"/>
            <xsl:apply-templates select="$tei/teiHeader" mode="metadata"/>
            <xsl:apply-templates select="$main/node()[empty($head) or . >> $head]"/>
            <xsl:variable name="notes" select="$main//note[not(@rend = 'inline')]"/>
            <xsl:if test="exists($notes)">
              <section class="footnotes" aria-label="Notes">
                <h2>Notes</h2>
                <ol>
                  <xsl:apply-templates select="$notes" mode="footnotes"/>
                </ol>
              </section>
            </xsl:if>
          </article>
        </main>
        <xsl:call-template name="volume-nav"/>
      </body>
    </html>
  </xsl:template>

  <!-- Previous / contents / next links, when the renderer passes them. -->
  <xsl:template name="volume-nav">
    <xsl:if test="exists(($prev-href, $index-href, $next-href))">
      <nav class="volume-nav" aria-label="Documents">
        <xsl:if test="exists($prev-href)">
          <a class="prev" rel="prev" href="{$prev-href}">← {($prev-label, 'Previous')[1]}</a>
        </xsl:if>
        <xsl:if test="exists($index-href)">
          <a class="contents" href="{$index-href}">{($volume-title, 'Contents')[1]}</a>
        </xsl:if>
        <xsl:if test="exists($next-href)">
          <a class="next" rel="next" href="{$next-href}">{($next-label, 'Next')[1]} →</a>
        </xsl:if>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- The plain text of a heading or title, without its notes. -->
  <xsl:function name="f:plain" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$e/node()" mode="plain"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts))"/>
  </xsl:function>

  <!-- Notes and page breaks are not part of a heading's plain text. -->
  <xsl:template match="note | pb" mode="plain"/>

</xsl:stylesheet>
