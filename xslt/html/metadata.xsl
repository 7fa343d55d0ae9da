<?xml version="1.0" encoding="UTF-8"?>
<!--
  The header panel: what the teiHeader says about the document (date, place,
  from/to, type, classification, source citation). Each row appears only when
  the header has it; a header without any of them gives no panel.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="urn:tei-edition:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    expand-text="yes"
    exclude-result-prefixes="#all">

  <!-- <dl class="metadata"> with one <dt>/<dd> pair per field present. -->
  <xsl:template match="teiHeader" mode="metadata">
    <xsl:variable name="profile" select="profileDesc"/>
    <xsl:variable name="sent" select="$profile/correspDesc/correspAction[@type = 'sent']"/>
    <xsl:variable name="received" select="$profile/correspDesc/correspAction[@type = 'received']"/>
    <xsl:variable name="rows" as="element()*">
      <xsl:call-template name="metadata-row">
        <xsl:with-param name="label" select="'Date'"/>
        <xsl:with-param name="values" select="($sent/date, $profile/creation/date)[1]"/>
      </xsl:call-template>
      <xsl:call-template name="metadata-row">
        <xsl:with-param name="label" select="'Place'"/>
        <xsl:with-param name="values" select="($sent/placeName, $profile/creation/placeName)[1]"/>
      </xsl:call-template>
      <xsl:call-template name="metadata-row">
        <xsl:with-param name="label" select="'From'"/>
        <xsl:with-param name="values" select="$sent ! f:party(.)"/>
      </xsl:call-template>
      <xsl:call-template name="metadata-row">
        <xsl:with-param name="label" select="'To'"/>
        <xsl:with-param name="values" select="$received ! f:party(.)"/>
      </xsl:call-template>
      <xsl:call-template name="metadata-row">
        <xsl:with-param name="label" select="'Type'"/>
        <xsl:with-param name="values" select="$profile/textClass/keywords[@scheme = 'urn:tei-edition:doctype']/term"/>
      </xsl:call-template>
      <xsl:call-template name="metadata-row">
        <xsl:with-param name="label" select="'Classification'"/>
        <xsl:with-param name="values" select="$profile/textClass/keywords/term[@type = ('classification', 'handling')]
                                              | .//note[@type = 'classification']"/>
      </xsl:call-template>
      <xsl:call-template name="metadata-row">
        <xsl:with-param name="label" select="'Source'"/>
        <xsl:with-param name="values" select="fileDesc/sourceDesc/(bibl | msDesc/p | biblFull/titleStmt/title)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:if test="exists($rows)">
      <dl class="metadata">
        <xsl:sequence select="$rows"/>
      </dl>
    </xsl:if>
  </xsl:template>

  <!-- One <dt>label</dt><dd>values</dd>, or nothing when no value has text. -->
  <xsl:template name="metadata-row" as="element()*">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="values" as="item()*"/>
    <xsl:variable name="texts" select="$values ! normalize-space(string(.))[. != '']"/>
    <xsl:if test="exists($texts)">
      <div>
        <dt>{$label}</dt>
        <dd>
          <xsl:choose>
            <!-- A machine-readable date when the header gives a plain ISO value. -->
            <xsl:when test="$label = 'Date' and matches(($values/@when)[1], '^\d{4}(-\d\d(-\d\d)?)?$')">
              <time datetime="{$values/@when}">{$texts}</time>
            </xsl:when>
            <xsl:otherwise>{string-join($texts, '; ')}</xsl:otherwise>
          </xsl:choose>
        </dd>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- A sender or addressee as one line: "Robert W. Komer, National Security Council Staff". -->
  <xsl:function name="f:party" as="xs:string">
    <xsl:param name="action" as="element(correspAction)"/>
    <xsl:sequence select="string-join($action/(persName | orgName | roleName | name)
                                      ! normalize-space(.)[. != ''], ', ')"/>
  </xsl:function>

</xsl:stylesheet>
