<?xml version="1.0" encoding="UTF-8"?>
<!--
  Cross-references: <a> to the document, note or page they name (see
  f:ref-href for the forms understood); a target we cannot link safely keeps
  its text in a <span>.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="urn:tei-edition:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    expand-text="yes"
    exclude-result-prefixes="#all">

  <!-- <a class="ref" href="d347.html">Document 347</a>. -->
  <xsl:template match="ref">
    <xsl:variable name="href" select="f:ref-href(.)"/>
    <xsl:choose>
      <xsl:when test="exists($href)">
        <a class="ref" href="{$href}"><xsl:apply-templates/></a>
      </xsl:when>
      <xsl:otherwise>
        <span class="ref"><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
