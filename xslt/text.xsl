<?xml version="1.0" encoding="UTF-8"?>
<!--
  Our TEI back to the FRUS plain-text format (the converter's input).

  The round trip text -> TEI -> text is the project's proof that nothing is
  lost: every character comes back from the encoding itself (element
  structure, @n of notes and page breaks), never from a stored copy.
  Layout of the format: blocks end with a blank line; signature lines and
  footnotes end with one line end; the footnote list numbers notes by their
  position; the text has no line end after its last line.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:t="urn:tei-edition:text"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    expand-text="yes"
    exclude-result-prefixes="#all">

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:mode on-no-match="shallow-skip"/>
  <xsl:mode name="inline" on-no-match="fail"/>
  <xsl:mode name="footnotes" on-no-match="shallow-skip"/>

  <xsl:variable name="NL" as="xs:string" select="'&#10;'"/>

  <!-- The whole text: blocks, then the footnote list; trailing line ends removed. -->
  <xsl:template match="/">
    <xsl:variable name="out" as="xs:string*">
      <xsl:apply-templates select="//div[@type = 'document'][1]/node()"/>
      <xsl:apply-templates select="//div[@type = 'document'][1]//note[not(@rend = 'inline')]" mode="footnotes"/>
    </xsl:variable>
    <xsl:value-of select="string-join(t:trim-end($out))"/>
  </xsl:template>

  <!-- The parts without the line ends they end with: parts that are only line ends go,
       then the last one left loses its own. No regex over the whole text (Saxon's
       replace() takes half a minute on 50 MB); a part ends with two line ends at most. -->
  <xsl:function name="t:trim-end" as="xs:string*">
    <xsl:param name="parts" as="xs:string*"/>
    <xsl:variable name="k" select="(index-of($parts ! (translate(., $NL, '') ne ''), true()))[last()]"/>
    <xsl:sequence select="if (empty($k)) then () else ($parts[position() lt $k], t:chomp($parts[$k]))"/>
  </xsl:function>
  <xsl:function name="t:chomp" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if (ends-with($s, $NL)) then t:chomp(substring($s, 1, string-length($s) - 1)) else $s"/>
  </xsl:function>

  <!-- Block level: each block ends with a blank line. -->
  <xsl:template match="div/note[@rend = 'inline'] | div/head | div/p">
    <xsl:sequence select="string-join(node() ! t:inline(.)) || $NL || $NL"/>
  </xsl:template>

  <xsl:template match="div/pb">
    <xsl:sequence select="'[Page ' || @n || ']' || $NL || $NL"/>
  </xsl:template>

  <!-- A list: its head is a block of its own, then one line per item. -->
  <xsl:template match="div/list">
    <xsl:if test="head">
      <xsl:sequence select="string-join(head/node() ! t:inline(.)) || $NL || $NL"/>
    </xsl:if>
    <xsl:sequence select="t:items(., 2) || $NL || $NL"/>
  </xsl:template>

  <xsl:template match="div/table">
    <xsl:sequence select="string-join(row ! string-join(cell ! string-join(node() ! t:inline(.)), '&#9;'), $NL) || $NL || $NL"/>
  </xsl:template>

  <!-- Signature lines are glued to the footnote list: one line end each. -->
  <xsl:template match="div/closer">
    <xsl:sequence select="string-join(signed/node() ! t:inline(.)) || $NL"/>
  </xsl:template>
  <xsl:template match="div/ab[@type = 'closer']">
    <xsl:sequence select="string-join(node() ! t:inline(.)) || $NL"/>
  </xsl:template>

  <!-- A close the text edition does not show leaves an empty line. -->
  <xsl:template match="div/gap">
    <xsl:sequence select="$NL"/>
  </xsl:template>

  <!-- Footnotes: numbered by position in document order. -->
  <xsl:template match="note" mode="footnotes">
    <xsl:variable name="position" as="xs:integer"
        select="count(preceding::note[not(@rend = 'inline')][ancestor::div[@type = 'document']]) + count(ancestor::note) + 1"/>
    <xsl:sequence select="'  ' || $position || '. ' || string-join(node() ! t:inline(.)) || $NL"/>
  </xsl:template>

  <!-- Items of a list (nested lists two spaces deeper), page breaks on lines of their own. -->
  <xsl:function name="t:items" as="xs:string">
    <xsl:param name="list" as="element(list)"/>
    <xsl:param name="indent" as="xs:integer"/>
    <xsl:variable name="pad" select="string-join((1 to $indent) ! ' ')"/>
    <xsl:sequence select="string-join(
        $list/(item | pb) ! (
          if (self::pb) then '[Page ' || @n || ']'
          else $pad || '• ' || string-join(node()[not(self::list)] ! t:inline(.))
               || string-join(list ! ($NL || t:items(., $indent + 2)))
        ), $NL)"/>
  </xsl:function>

  <!-- Inline content as the text writes it. -->
  <xsl:function name="t:inline" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$node" mode="inline"/>
    </xsl:variable>
    <xsl:sequence select="string-join($parts)"/>
  </xsl:function>

  <xsl:template match="text()" mode="inline">
    <xsl:sequence select="string(.)"/>
  </xsl:template>
  <xsl:template match="pb" mode="inline">
    <xsl:sequence select="'[Page ' || @n || ']'"/>
  </xsl:template>
  <xsl:template match="lb" mode="inline">
    <xsl:sequence select="$NL"/>
  </xsl:template>
  <!-- A note shows as its marker; a note the text did not anchor shows nothing. -->
  <xsl:template match="note" mode="inline">
    <xsl:sequence select="if (@anchored = 'false') then '' else string(@n)"/>
  </xsl:template>
  <!-- Phrase-level markup keeps its text. -->
  <xsl:template match="ref | persName | orgName | placeName | gloss | date | hi | term | name | rs" mode="inline">
    <xsl:sequence select="string-join(node() ! t:inline(.))"/>
  </xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="inline"/>
</xsl:stylesheet>
