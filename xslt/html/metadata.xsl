<?xml version="1.0" encoding="UTF-8"?>
<!--
  The header panel: what the teiHeader says about the document (date, place,
  from/to, type, classification, source citation). Each row appears only when
  the header has it; a header without any of them gives no panel. Values are
  gathered as strings first and written straight out (building rows as
  temporary elements cost a fifth of the whole render).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="urn:tei-edition:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    expand-text="yes"
    exclude-result-prefixes="#all">

  <!-- <dl class="metadata"> with one <div><dt/><dd/></div> per field present. -->
  <xsl:template match="teiHeader" mode="metadata">
    <xsl:variable name="profile" select="profileDesc"/>
    <xsl:variable name="sent" select="$profile/correspDesc/correspAction[@type = 'sent']"/>
    <xsl:variable name="received" select="$profile/correspDesc/correspAction[@type = 'received']"/>
    <xsl:variable name="date" as="element()?" select="($sent/date, $profile/creation/date)[1]"/>
    <xsl:variable name="place" select="f:texts(($sent/placeName, $profile/creation/placeName)[1])"/>
    <xsl:variable name="from" select="f:texts($sent ! f:party(.))"/>
    <xsl:variable name="to" select="f:texts($received ! f:party(.))"/>
    <xsl:variable name="type" select="f:texts($profile/textClass/keywords[@scheme = 'urn:tei-edition:doctype']/term)"/>
    <xsl:variable name="classification" select="f:texts($profile/textClass/keywords/term[@type = ('classification', 'handling')]
                                                        | fileDesc/notesStmt/note[@type = 'classification'])"/>
    <xsl:variable name="source" select="f:texts(fileDesc/sourceDesc/(bibl | msDesc/p))"/>
    <xsl:if test="exists(($date[normalize-space()], $place, $from, $to, $type, $classification, $source))">
      <dl class="metadata">
        <xsl:if test="normalize-space($date)">
          <div>
            <dt>Date</dt>
            <dd>
              <xsl:choose>
                <!-- A machine-readable date when the header gives a plain ISO value. -->
                <xsl:when test="matches($date/@when, '^\d{4}(-\d\d(-\d\d)?)?$')">
                  <time datetime="{$date/@when}">{normalize-space($date)}</time>
                </xsl:when>
                <xsl:otherwise>{normalize-space($date)}</xsl:otherwise>
              </xsl:choose>
            </dd>
          </div>
        </xsl:if>
        <xsl:call-template name="metadata-row">
          <xsl:with-param name="label" select="'Place'"/>
          <xsl:with-param name="texts" select="$place"/>
        </xsl:call-template>
        <xsl:call-template name="metadata-row">
          <xsl:with-param name="label" select="'From'"/>
          <xsl:with-param name="texts" select="$from"/>
        </xsl:call-template>
        <xsl:call-template name="metadata-row">
          <xsl:with-param name="label" select="'To'"/>
          <xsl:with-param name="texts" select="$to"/>
        </xsl:call-template>
        <xsl:call-template name="metadata-row">
          <xsl:with-param name="label" select="'Type'"/>
          <xsl:with-param name="texts" select="$type"/>
        </xsl:call-template>
        <xsl:call-template name="metadata-row">
          <xsl:with-param name="label" select="'Classification'"/>
          <xsl:with-param name="texts" select="$classification"/>
        </xsl:call-template>
        <xsl:call-template name="metadata-row">
          <xsl:with-param name="label" select="'Source'"/>
          <xsl:with-param name="texts" select="$source"/>
        </xsl:call-template>
      </dl>
    </xsl:if>
  </xsl:template>

  <!-- <div><dt>label</dt><dd>values; joined</dd></div>, or nothing without values. -->
  <xsl:template name="metadata-row">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="texts" as="xs:string*"/>
    <xsl:if test="exists($texts)">
      <div><dt>{$label}</dt><dd>{string-join($texts, '; ')}</dd></div>
    </xsl:if>
  </xsl:template>

  <!-- The non-empty, white-space-normalised texts of some items. -->
  <xsl:function name="f:texts" as="xs:string*">
    <xsl:param name="items" as="item()*"/>
    <xsl:sequence select="$items ! normalize-space(string(.))[. != '']"/>
  </xsl:function>

  <!-- A sender or addressee as one line: "Robert W. Komer, National Security Council Staff". -->
  <xsl:function name="f:party" as="xs:string">
    <xsl:param name="action" as="element(correspAction)"/>
    <xsl:sequence select="string-join($action/(persName | orgName | roleName | name)
                                      ! normalize-space(.)[. != ''], ', ')"/>
  </xsl:function>

</xsl:stylesheet>
