"""First-level regions and postcode prefixes per locale, written out by hand from national standards.

No registry package ships these small lists in the locale's language with population figures, so
they are transcribed here (facts, not copyrightable expression) and each list names where it comes
from. Populations are in thousands, rounded, from the latest census or official estimate the
national statistics office published (as of the early 2020s); they only weight the draws.
"""

# United Kingdom: the four countries (ONS mid-2021 estimates).
GB_REGIONS = {"England": 56536, "Scotland": 5480, "Wales": 3107, "Northern Ireland": 1904}

# Germany: the 16 Länder (Destatis, 2022).
DE_REGIONS = {
    "Nordrhein-Westfalen": 18140, "Bayern": 13370, "Baden-Württemberg": 11280,
    "Niedersachsen": 8140, "Hessen": 6390, "Rheinland-Pfalz": 4160, "Sachsen": 4090,
    "Berlin": 3760, "Schleswig-Holstein": 2950, "Brandenburg": 2570, "Sachsen-Anhalt": 2190,
    "Thüringen": 2130, "Hamburg": 1890, "Mecklenburg-Vorpommern": 1630, "Saarland": 990,
    "Bremen": 680,
}

# France: the 13 metropolitan regions since 2016 and the 5 overseas regions (INSEE, 2021).
FR_REGIONS = {
    "Île-de-France": 12317, "Auvergne-Rhône-Alpes": 8114, "Hauts-de-France": 6005,
    "Nouvelle-Aquitaine": 6033, "Occitanie": 5973, "Grand Est": 5562,
    "Provence-Alpes-Côte d'Azur": 5098, "Pays de la Loire": 3832, "Normandie": 3325,
    "Bretagne": 3373, "Bourgogne-Franche-Comté": 2805, "Centre-Val de Loire": 2573,
    "Corse": 343, "La Réunion": 871, "Guadeloupe": 384, "Martinique": 361, "Guyane": 286,
    "Mayotte": 256,
}

# Spain: the 17 autonomous communities and 2 autonomous cities (INE, 2022).
ES_REGIONS = {
    "Andalucía": 8500, "Cataluña": 7792, "Comunidad de Madrid": 6751,
    "Comunitat Valenciana": 5097, "Galicia": 2695, "Castilla y León": 2383, "País Vasco": 2208,
    "Canarias": 2172, "Castilla-La Mancha": 2049, "Región de Murcia": 1531, "Aragón": 1326,
    "Illes Balears": 1176, "Extremadura": 1054, "Principado de Asturias": 1004,
    "Comunidad Foral de Navarra": 662, "Cantabria": 585, "La Rioja": 319, "Ceuta": 83,
    "Melilla": 85,
}

# Italy: the 20 regions (ISTAT, 2022).
IT_REGIONS = {
    "Lombardia": 9950, "Lazio": 5715, "Campania": 5590, "Sicilia": 4814, "Veneto": 4847,
    "Emilia-Romagna": 4426, "Piemonte": 4252, "Puglia": 3907, "Toscana": 3664, "Calabria": 1855,
    "Sardegna": 1579, "Liguria": 1507, "Marche": 1487, "Abruzzo": 1275, "Friuli-Venezia Giulia": 1195,
    "Trentino-Alto Adige": 1077, "Umbria": 859, "Basilicata": 537, "Molise": 290,
    "Valle d'Aosta": 123,
}

# Brazil: the 26 states and the Federal District (IBGE, Censo 2022).
BR_REGIONS = {
    "São Paulo": 44412, "Minas Gerais": 20539, "Rio de Janeiro": 16055, "Bahia": 14141,
    "Paraná": 11444, "Rio Grande do Sul": 10883, "Pernambuco": 9058, "Ceará": 8794,
    "Pará": 8121, "Santa Catarina": 7610, "Goiás": 7056, "Maranhão": 6775, "Paraíba": 3974,
    "Amazonas": 3941, "Espírito Santo": 3834, "Mato Grosso": 3659, "Rio Grande do Norte": 3302,
    "Piauí": 3271, "Alagoas": 3128, "Distrito Federal": 2817, "Mato Grosso do Sul": 2757,
    "Sergipe": 2210, "Rondônia": 1582, "Tocantins": 1511, "Acre": 830, "Amapá": 733,
    "Roraima": 636,
}

# Japan: the 47 prefectures in JIS X 0401 order (Statistics Bureau, 2020 census).
JP_REGIONS = {
    "北海道": 5225, "青森県": 1238, "岩手県": 1211, "宮城県": 2302, "秋田県": 960, "山形県": 1068,
    "福島県": 1833, "茨城県": 2867, "栃木県": 1933, "群馬県": 1939, "埼玉県": 7345, "千葉県": 6284,
    "東京都": 14048, "神奈川県": 9237, "新潟県": 2201, "富山県": 1035, "石川県": 1133,
    "福井県": 767, "山梨県": 810, "長野県": 2048, "岐阜県": 1979, "静岡県": 3633, "愛知県": 7542,
    "三重県": 1770, "滋賀県": 1414, "京都府": 2578, "大阪府": 8838, "兵庫県": 5465, "奈良県": 1324,
    "和歌山県": 923, "鳥取県": 553, "島根県": 671, "岡山県": 1888, "広島県": 2800, "山口県": 1342,
    "徳島県": 720, "香川県": 950, "愛媛県": 1335, "高知県": 692, "福岡県": 5135, "佐賀県": 811,
    "長崎県": 1312, "熊本県": 1738, "大分県": 1124, "宮崎県": 1070, "鹿児島県": 1588,
    "沖縄県": 1467,
}

# Mainland China: the 22 provinces, 5 autonomous regions and 4 municipalities (NBS, 2020 census).
CN_REGIONS = {
    "广东省": 126012, "山东省": 101527, "河南省": 99366, "江苏省": 84748, "四川省": 83675,
    "河北省": 74610, "湖南省": 66444, "浙江省": 64568, "安徽省": 61027, "湖北省": 57752,
    "广西壮族自治区": 50127, "云南省": 47209, "江西省": 45189, "辽宁省": 42592, "福建省": 41540,
    "陕西省": 39529, "贵州省": 38562, "山西省": 34916, "重庆市": 32054, "黑龙江省": 31851,
    "新疆维吾尔自治区": 25852, "上海市": 24871, "甘肃省": 25020, "内蒙古自治区": 24050,
    "吉林省": 24074, "北京市": 21893, "天津市": 13866, "海南省": 10081, "宁夏回族自治区": 7202,
    "青海省": 5923, "西藏自治区": 3648,
}

# The Netherlands: the 12 provinces (CBS, 2022).
NL_REGIONS = {
    "Zuid-Holland": 3804, "Noord-Holland": 2952, "Noord-Brabant": 2626, "Gelderland": 2133,
    "Utrecht": 1387, "Overijssel": 1166, "Limburg": 1118, "Friesland": 654, "Groningen": 591,
    "Drenthe": 498, "Flevoland": 434, "Zeeland": 389,
}

REGIONS = {
    "en_GB": GB_REGIONS, "de_DE": DE_REGIONS, "fr_FR": FR_REGIONS, "es_ES": ES_REGIONS,
    "it_IT": IT_REGIONS, "pt_BR": BR_REGIONS, "ja_JP": JP_REGIONS, "zh_CN": CN_REGIONS,
    "nl_NL": NL_REGIONS,
}

# Germany: two-digit Leitregionen in use (Deutsche Post; 00, 05, 43 and 62 are not assigned).
DE_POSTCODE_REGIONS = [f"{n:02d}" for n in range(1, 100) if n not in (5, 43, 62)]

# France: the first two digits are the département (INSEE codes; Corsica's 2A and 2B share 20),
# 97 is followed by the overseas département's third digit.
FR_POSTCODE_DEPARTMENTS = [f"{n:02d}" for n in range(1, 96)] + ["971", "972", "973", "974", "976"]

# Spain: the first two digits are the province, 01 to 52 (Correos).
ES_POSTCODE_PROVINCES = [f"{n:02d}" for n in range(1, 53)]

# Mainland China: two-digit postcode prefixes by province (China Post's allocation).
CN_POSTCODE_PREFIXES = [
    "01", "02", "03", "04", "05", "06", "07", "10", "11", "12", "13", "15", "16", "20", "21", "22",
    "23", "24", "25", "26", "27", "30", "31", "32", "33", "34", "35", "36", "40", "41", "42", "43",
    "44", "45", "46", "47", "51", "52", "53", "54", "55", "56", "57", "61", "62", "63", "64", "65",
    "66", "67", "71", "72", "73", "74", "75", "81", "83", "84", "85", "86",
]

# UK postcode areas that are not geographic: BF (British Forces), BX (non-geographic), XX.
GB_NON_GEOGRAPHIC_AREAS = {"BF", "BX", "XX", "GIR"}
