<?xml version="1.0" encoding="UTF-8"?>
<!--
  Phrase level: highlighting, names, dates, glosses, text. And the fallback
  for elements no rule knows: their content is rendered, never dropped, inside
  <span class="tei-unknown" data-tei="name">, which the renderer turns into a
  warning.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="urn:tei-edition:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    expand-text="yes"
    exclude-result-prefixes="#all">

  <!-- Text is copied; the serializer escapes it. -->
  <xsl:template match="text()">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- Comments and processing instructions are not part of the text. -->
  <xsl:template match="comment() | processing-instruction()"/>

  <!-- Highlighting: <i>, <strong>, <sup>, <sub>, <u>, <s>, or <span> with rend classes
       (small caps and the rest are styled in CSS). -->
  <xsl:template match="hi | emph">
    <xsl:variable name="rend" select="tokenize(normalize-space(@rend), ' ')"/>
    <xsl:variable name="name" select="(
      if ($rend = 'italic') then 'i' else (),
      if ($rend = ('bold', 'strong')) then 'strong' else (),
      if ($rend = ('superscript', 'sup')) then 'sup' else (),
      if ($rend = ('subscript', 'sub')) then 'sub' else (),
      if ($rend = 'underline') then 'u' else (),
      if ($rend = 'strikethrough') then 's' else (),
      if (self::emph) then 'em' else (),
      'span')[1]"/>
    <xsl:element name="{$name}">
      <xsl:if test="$name = 'span' or count($rend) gt 1">
        <xsl:attribute name="class" select="f:classes('rend-', @rend)"/>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Names, dates, glosses and other phrase markup FRUS uses: their content as is
       (the edition shows the text; the markup serves search and indexes). -->
  <xsl:template match="persName | placeName | orgName | roleName | geogName | name | rs | date | time
                       | gloss | term | num | measure | seg | idno | country | settlement">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- A title of a work: <cite>. -->
  <xsl:template match="title">
    <cite><xsl:apply-templates/></cite>
  </xsl:template>

  <!-- Words in another language: <span lang="…">. -->
  <xsl:template match="foreign">
    <span class="foreign">
      <xsl:if test="matches(@xml:lang, '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$')">
        <xsl:attribute name="lang" select="@xml:lang"/>
      </xsl:if>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- A named anchor: an empty <span> with its id, so references can reach it. -->
  <xsl:template match="anchor">
    <span class="anchor">
      <xsl:call-template name="f:id-attribute"/>
    </span>
  </xsl:template>

  <!-- Any other element: its content, marked for the renderer's warning. A <div> where
       it stands between blocks or holds them, a <span> in running text. -->
  <xsl:template match="*" priority="-10">
    <xsl:element name="{if (parent::body or parent::div or f:has-blocks(.)) then 'div' else 'span'}">
      <xsl:attribute name="class" select="'tei-unknown'"/>
      <xsl:attribute name="data-tei" select="name()"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

</xsl:stylesheet>
