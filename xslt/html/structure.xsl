<?xml version="1.0" encoding="UTF-8"?>
<!--
  Blocks of the text: divisions, headings, paragraphs, lists, tables, openers
  and closers. Each rule says which HTML block it makes; a TEI block that holds
  other blocks (a FRUS <p> with a <list>) becomes a <div>, as HTML <p> cannot.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="urn:tei-edition:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    expand-text="yes"
    exclude-result-prefixes="#all">

  <!-- Does this element hold TEI blocks? Children and grandchildren are looked at
       (a FRUS <p> holds its <list> directly, or inside <hi>), not what sits in notes,
       which render as markers; a deeper search cost a sixth of the render time. -->
  <xsl:function name="f:has-blocks" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/(* | *[not(self::note)]/*)[self::list or self::table or self::p
                                   or self::lg or self::ab or self::closer or self::opener or self::dateline
                                   or self::signed or self::salute or self::div
                                   or self::quote[@rend = ('blockquote', 'block')]])"/>
  </xsl:function>

  <!-- A division inside the document: <section> with its id. -->
  <xsl:template match="div">
    <section class="{('div', f:classes('div-', @type))}">
      <xsl:call-template name="f:id-attribute"/>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <!-- The document heading: <h1>; headings of inner divisions: <h2>…<h6>. -->
  <xsl:template match="div/head | body/head">
    <xsl:variable name="depth" select="count(ancestor::div[not(@type = 'document')])
                                       + (if (ancestor::div[@type = 'document']) then 1 else 0)"/>
    <xsl:element name="h{max((1, min(($depth, 6))))}">
      <xsl:call-template name="f:id-attribute"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Other headings (of a list, a quotation, a note): a labelled line. -->
  <xsl:template match="head">
    <xsl:element name="{if (f:has-blocks(..) or parent::list) then 'div' else 'span'}">
      <xsl:attribute name="class" select="'head', f:classes('head-', ../local-name())"/>
      <xsl:call-template name="f:id-attribute"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- A paragraph: <p>, or <div class="p"> when it holds lists or tables. -->
  <xsl:template match="p">
    <xsl:element name="{if (f:has-blocks(.)) then 'div' else 'p'}">
      <xsl:if test="@rend or f:has-blocks(.)">
        <xsl:attribute name="class" select="(if (f:has-blocks(.)) then 'p' else ()), f:classes('rend-', @rend)"/>
      </xsl:if>
      <xsl:call-template name="f:id-attribute"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- A list: its heads, then <ul> of the items (<ol> when the TEI says ordered). -->
  <xsl:template match="list">
    <div class="{('list', f:classes('list-', @type))}">
      <xsl:call-template name="f:id-attribute"/>
      <xsl:apply-templates select="head"/>
      <xsl:element name="{if (@type = ('ordered', 'numbered') or @rend = ('numbered', 'ordered')) then 'ol' else 'ul'}">
        <xsl:apply-templates select="node() except head"/>
      </xsl:element>
    </div>
  </xsl:template>

  <!-- An item: <li>. -->
  <xsl:template match="item">
    <li>
      <xsl:call-template name="f:id-attribute"/>
      <xsl:apply-templates/>
    </li>
  </xsl:template>

  <!-- Anything else directly in a list (a label, a milestone) gets an <li> of its own,
       so the <ul> stays valid; the element's own rule renders inside it. -->
  <xsl:template match="list/*[not(self::item | self::head | self::pb | self::note)]" priority="2">
    <li class="list-other">
      <xsl:next-match/>
    </li>
  </xsl:template>

  <!-- A table: <table> with an optional caption from its head. -->
  <xsl:template match="table">
    <table>
      <xsl:call-template name="f:id-attribute"/>
      <xsl:if test="head">
        <caption>
          <xsl:for-each select="head">
            <xsl:apply-templates/>
          </xsl:for-each>
        </caption>
      </xsl:if>
      <tbody>
        <xsl:apply-templates select="node() except head"/>
      </tbody>
    </table>
  </xsl:template>

  <!-- Anything else directly in a table gets a row of its own. -->
  <xsl:template match="table/*[not(self::row | self::head | self::pb)]" priority="2">
    <tr class="table-other"><td><xsl:next-match/></td></tr>
  </xsl:template>

  <!-- A row: <tr>. -->
  <xsl:template match="row">
    <tr>
      <xsl:call-template name="f:id-attribute"/>
      <xsl:apply-templates/>
    </tr>
  </xsl:template>

  <!-- A cell: <td>, or <th> for label rows and cells; spans from @cols/@rows. -->
  <xsl:template match="cell">
    <xsl:element name="{if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}">
      <xsl:if test="@cols castable as xs:positiveInteger">
        <xsl:attribute name="colspan" select="xs:positiveInteger(@cols)"/>
      </xsl:if>
      <xsl:if test="@rows castable as xs:positiveInteger">
        <xsl:attribute name="rowspan" select="xs:positiveInteger(@rows)"/>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Opening and closing formulae, signatures, datelines, salutations:
       <div class="…"> each, one line per signature. -->
  <xsl:template match="opener | closer | signed | dateline | salute | ab | lg | l">
    <div class="{local-name()}">
      <xsl:call-template name="f:id-attribute"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <!-- A block quotation: <blockquote>; a quotation in running text: <span class="quote">
       (the TEI text carries its own quotation marks). -->
  <xsl:template match="quote | q">
    <xsl:choose>
      <xsl:when test="@rend = ('blockquote', 'block') or f:has-blocks(.)">
        <blockquote>
          <xsl:call-template name="f:id-attribute"/>
          <xsl:apply-templates/>
        </blockquote>
      </xsl:when>
      <xsl:otherwise>
        <span class="quote">
          <xsl:apply-templates/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Text the edition leaves out (an empty line of the source): an empty, labelled gap. -->
  <xsl:template match="gap">
    <span class="gap" title="{('Not shown', @reason)[last()]}"></span>
  </xsl:template>

  <!-- A line break: <br>. -->
  <xsl:template match="lb">
    <br/>
  </xsl:template>

</xsl:stylesheet>
