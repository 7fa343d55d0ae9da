<?xml version="1.0" encoding="UTF-8"?>
<!--
  Footnotes: a linked marker where the note stands, the note itself in the
  list at the foot of the page with a link back. The marker label is the
  note's @n and both ids come from its @xml:id (the marker is "{id}-ref").
  Inline notes (FRUS file numbers and summaries, rend="inline") stay in place.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="urn:tei-edition:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    expand-text="yes"
    exclude-result-prefixes="#all">

  <!-- A note marker: <sup class="noteref"><a href="#d1fn1" id="d1fn1-ref">1</a></sup>. -->
  <xsl:template match="note">
    <sup class="noteref">
      <xsl:choose>
        <xsl:when test="@xml:id">
          <a href="#{@xml:id}" id="{@xml:id}-ref" role="doc-noteref">{(@n, '*')[1]}</a>
        </xsl:when>
        <xsl:otherwise>{(@n, '*')[1]}</xsl:otherwise>
      </xsl:choose>
    </sup>
  </xsl:template>

  <!-- A note whose marker the text does not show: nothing in place, only the footnote. -->
  <xsl:template match="note[@anchored = 'false']"/>

  <!-- An inline note (file number above the heading, a summary): a block of its own,
       or a <span> inside running text. -->
  <xsl:template match="note[@rend = 'inline']" priority="2">
    <xsl:element name="{if (parent::div or parent::body or f:has-blocks(.)) then 'div' else 'span'}">
      <xsl:attribute name="class" select="'note-inline', f:classes('note-', @type)"/>
      <xsl:call-template name="f:id-attribute"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- A footnote: <li id="d1fn1"> with its label, its text and a back link to the marker. -->
  <xsl:template match="note" mode="footnotes">
    <li class="{('footnote', f:classes('note-', @type))}">
      <xsl:call-template name="f:id-attribute"/>
      <span class="fn-label">{(@n, '*')[1]}.</span>
      <xsl:text> </xsl:text>
      <div class="note-body">
        <xsl:apply-templates/>
      </div>
      <xsl:if test="@xml:id and not(@anchored = 'false')">
        <xsl:text> </xsl:text>
        <a class="backref" href="#{@xml:id}-ref" role="doc-backlink" aria-label="Back to note {(@n, '*')[1]} in the text">↩</a>
      </xsl:if>
    </li>
  </xsl:template>

</xsl:stylesheet>
