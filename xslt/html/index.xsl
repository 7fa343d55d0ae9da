<?xml version="1.0" encoding="UTF-8"?>
<!--
  The volume index (table of contents). Its input is the summary the renderer
  builds from the documents (namespace urn:tei-edition:index):
    <volume title="…" lang="en"><document id="d1" n="1" title="…" date="…" href="d1.html"/>…</volume>
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="urn:tei-edition:functions"
    xmlns:ix="urn:tei-edition:index"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    expand-text="yes"
    exclude-result-prefixes="#all">

  <!-- The index page: heading and a table of number, title, date. -->
  <xsl:template match="document-node(element(ix:volume))">
    <xsl:variable name="title" select="(ix:volume/@title[normalize-space()], 'Contents')[1]"/>
    <html lang="{(ix:volume/@lang[normalize-space()], $lang)[1]}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>{$title}</title>
        <link rel="stylesheet" href="{$css-href}"/>
      </head>
      <body>
        <main>
          <article class="volume-index">
            <h1>{$title}</h1>
            <table class="toc">
              <thead>
                <tr><th scope="col">No.</th><th scope="col">Title</th><th scope="col">Date</th></tr>
              </thead>
              <tbody>
                <xsl:apply-templates select="ix:volume/ix:document" mode="toc"/>
              </tbody>
            </table>
          </article>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- One row: number, linked title, date. -->
  <xsl:template match="ix:document" mode="toc">
    <tr>
      <td class="toc-n">{@n}</td>
      <td class="toc-title">
        <xsl:variable name="href" select="f:safe-url(@href)"/>
        <xsl:choose>
          <xsl:when test="exists($href)"><a href="{$href}">{@title}</a></xsl:when>
          <xsl:otherwise>{@title}</xsl:otherwise>
        </xsl:choose>
      </td>
      <td class="toc-date">{@date}</td>
    </tr>
  </xsl:template>

</xsl:stylesheet>
