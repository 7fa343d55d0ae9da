<?xml version="1.0" encoding="UTF-8"?>
<!--
  Page breaks: a small "[Page N]" marker set in the margin by the CSS, with the
  TEI's @xml:id (pg_556) as anchor so pages can be cited, and a link to the
  page image where pb/@facs gives one (http(s) or relative only).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="urn:tei-edition:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    expand-text="yes"
    exclude-result-prefixes="#all">

  <!-- <a class="pb" id="pg_556" href="image">[Page 556]</a>, or a <span> without an image. -->
  <xsl:template match="pb">
    <xsl:variable name="image" select="if (@facs)
      then f:safe-url(if (matches(@facs, '^[a-zA-Z][a-zA-Z0-9+.\-]*:')) then string(@facs) else $facs-base || @facs)
      else ()"/>
    <xsl:choose>
      <xsl:when test="not($show-page-breaks)">
        <span class="pb-anchor"><xsl:call-template name="f:id-attribute"/></span>
      </xsl:when>
      <xsl:when test="exists($image)">
        <a class="pb" href="{$image}" title="Image of page {@n}">
          <xsl:call-template name="f:id-attribute"/>
          <xsl:text>[Page {(@n, '?')[1]}]</xsl:text>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="pb">
          <xsl:call-template name="f:id-attribute"/>
          <xsl:text>[Page {(@n, '?')[1]}]</xsl:text>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A page break between items or rows: wrapped so the list or table stays valid. -->
  <xsl:template match="list/pb" priority="2">
    <li class="pb-item"><xsl:next-match/></li>
  </xsl:template>
  <xsl:template match="table/pb" priority="2">
    <tr class="pb-row"><td><xsl:next-match/></td></tr>
  </xsl:template>

</xsl:stylesheet>
